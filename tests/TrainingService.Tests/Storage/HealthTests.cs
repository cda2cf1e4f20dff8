using Grpc.Health.V1;
using Training.Service.Storage;
using Training.Service.Tests.Support;

namespace Training.Service.Tests.Storage;

/// <summary>
/// The standard health service says whether the service can do its job: NOT_SERVING while its database cannot take a
/// write, SERVING again as soon as it can, without a restart.
/// </summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Health_IsNotServing_WhileTheDataFolderRefusesWrites_AndServingOnceItTakesThemAgain()
    {
        await using var service = await TestService.StartAsync();
        var health = new Health.HealthClient(service.As(null));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);

        // Root writes through any permission bit, so the refusal is made with something no user can write over: a
        // folder where the service's write check puts its file. (A full disk or a read-only mount refuses it alike.)
        var blocked = Directory.CreateDirectory(service.DatabasePath + DataFolderProbe.FileSuffix);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest())).Status);

        blocked.Delete();
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
    }

    [Fact]
    public async Task TheHealthCommand_ExitsZeroWhileServing_AndOneWhenNothingAnswers()
    {
        var folder = Directory.CreateTempSubdirectory("training-health-").FullName;
        try
        {
            await using (var service = await ServiceProcess.StartAsync(Path.Combine(folder, "training.db")))
            {
                var (serving, output) = await ServiceProcess.RunCommandAsync("health", "--server", service.Address);
                Assert.True(serving == 0, output);
                Assert.Contains("Serving", output);
            }
            var (gone, _) = await ServiceProcess.RunCommandAsync("health", "--server", "http://127.0.0.1:9");
            Assert.Equal(1, gone);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
