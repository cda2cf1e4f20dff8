using Grpc.Core;
using Training.Service.Tests.Support;

namespace Training.Service.Tests.Edge;

/// <summary>A service with the three kinds of caller the edge must treat alike: an administrator, a focal point and no one.</summary>
public sealed class EdgeCallers : IAsyncLifetime, IAsyncDisposable
{
    public const string Administrator = "administrator", FocalPoint = "focal point SN", Anonymous = "anonymous";

    public TestService Service { get; private set; } = null!;
    public IReadOnlyDictionary<string, CallInvoker> All { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Service = await TestService.StartAsync();
        All = new Dictionary<string, CallInvoker>
        {
            [Administrator] = Service.AsAdmin(),
            [FocalPoint] = Service.As(await Service.FocalPointAsync("SN")),
            [Anonymous] = Service.As(null),
        };
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
