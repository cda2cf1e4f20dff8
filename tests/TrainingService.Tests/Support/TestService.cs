using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Training.Service.Http;
using Unpol.Training.V1;

namespace Training.Service.Tests.Support;

/// <summary>
/// The real service on ASP.NET Core's TestServer, over a real LiteDB file in a temporary folder, reached
/// through a real <see cref="GrpcChannel"/>. Tests call it exactly as other systems do.
/// </summary>
public sealed class TestService : IAsyncDisposable
{
    public const string BootstrapToken = "test-bootstrap-administrator-token";

    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;
    private readonly bool _ownsFolder;

    private TestService(WebApplication app, string folder, bool ownsFolder, ManualClock clock, bool kestrel)
    {
        HttpAddress = app.Services.GetRequiredService<HttpEndpoints>().JsonAddresses.FirstOrDefault();
        _app = app;
        Folder = folder;
        _ownsFolder = ownsFolder;
        Clock = clock;
        _channel = kestrel
            ? GrpcChannel.ForAddress(app.Urls.First(), new GrpcChannelOptions { MaxReceiveMessageSize = 16 * 1024 * 1024 })
            : GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions
            {
                HttpHandler = app.GetTestServer().CreateHandler(),
                MaxReceiveMessageSize = 16 * 1024 * 1024,
            });
    }

    public string Folder { get; }

    /// <summary>The HTTP/JSON endpoint (HTTP/1.1) when started with <c>http: true</c>, e.g. http://127.0.0.1:41234.</summary>
    public string? HttpAddress { get; }
    public string DatabasePath => Path.Combine(Folder, "training.db");
    public ManualClock Clock { get; }
    public IServiceProvider Services => _app.Services;

    /// <summary>The addresses it listens on (with <c>kestrel</c>).</summary>
    public ICollection<string> Urls => _app.Urls;

    /// <summary>
    /// Starts a service; pass a folder to reuse a database file from an earlier service. With
    /// <paramref name="kestrel"/> it listens on a real loopback socket instead of the in-memory test server; with
    /// <paramref name="http"/> it also serves HTTP/JSON on a second loopback socket (<see cref="HttpAddress"/>).
    /// </summary>
    public static async Task<TestService> StartAsync(string? folder = null, ManualClock? clock = null,
        IDictionary<string, string?>? settings = null, bool kestrel = false, ILoggerProvider? logs = null, bool http = false)
    {
        kestrel |= http;
        var ownsFolder = folder is null;
        folder ??= Directory.CreateTempSubdirectory("training-test-").FullName;
        clock ??= ManualClock.At(2027, 1, 11);
        var app = TrainingHost.Build([], builder =>
        {
            if (kestrel) builder.WebHost.UseUrls("http://127.0.0.1:0");
            else builder.WebHost.UseTestServer();
            builder.Configuration["Storage:Path"] = Path.Combine(folder, "training.db");
            builder.Configuration["Security:BootstrapAdminToken"] = BootstrapToken;
            // A free port each, so that any number of test services run side by side; none unless asked for.
            builder.Configuration[HttpEndpoints.UrlsKey] = http ? "http://127.0.0.1:0" : "";
            // Tests set up their worlds faster than any person or integration works; the rate limit tests turn them on.
            builder.Configuration["RateLimits:Enabled"] = "false";
            // One line per call floods test logs (and the log tests' counts); the telemetry tests turn it back on.
            builder.Configuration[$"Logging:LogLevel:{Training.Service.Operations.CallLog.Category}"] = "Warning";
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.Configuration[key] = value;
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            if (logs is not null) builder.Logging.AddProvider(logs);
            builder.Services.AddSingleton<TimeProvider>(clock);
        });
        await app.StartAsync();
        return new TestService(app, folder, ownsFolder, clock, kestrel);
    }

    /// <summary>A call invoker sending <paramref name="token"/> as bearer (none when null).</summary>
    public CallInvoker As(string? token) =>
        token is null
            ? _channel.CreateCallInvoker()
            : _channel.Intercept(metadata =>
            {
                metadata.Add("authorization", $"Bearer {token}");
                return metadata;
            });

    public CallInvoker AsAdmin() => As(BootstrapToken);

    /// <summary>Issues a real token through the API and returns its secret.</summary>
    public async Task<string> IssueTokenAsync(Role role, string? regionCode = null, IntegrationScope? scope = null,
        DateTimeOffset? expireTime = null, string displayName = "Test caller")
    {
        var access = new AccessService.AccessServiceClient(AsAdmin());
        var response = await access.CreateAccessTokenAsync(new CreateAccessTokenRequest
        {
            AccessToken = new AccessToken
            {
                DisplayName = displayName,
                Role = role,
                RegionCode = regionCode ?? "",
                Scope = scope,
                ExpireTime = expireTime is { } e ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(e) : null,
            },
        });
        return response.Secret;
    }

    public Task<string> FocalPointAsync(string regionCode) =>
        IssueTokenAsync(Role.FocalPoint, regionCode, displayName: $"Focal point {regionCode}");

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsFolder)
        {
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Stops this service but keeps its folder, so another can be started on the same file.</summary>
    public async Task StopKeepingDataAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
