using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Training.Service.Api;
using Training.Service.Demo;
using Training.Service.Domain.Catalog;
using Training.Service.Domain.Common;
using Training.Service.Domain.Nominations;
using Training.Service.Domain.Recruitment;
using Training.Service.Domain.Reference;
using Training.Service.Domain.Reports;
using Training.Service.Domain.Roster;
using Training.Service.Edge;
using Training.Service.Hosting;
using Training.Service.Http;
using Training.Service.Operations;
using Training.Service.Security;
using Training.Service.Storage;

return await TrainingHost.RunAsync(args);

/// <summary>Host wiring: configuration, DI, Kestrel, interceptors and endpoints. Nothing else.</summary>
public static class TrainingHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Builds the service. <paramref name="configure"/> lets tests swap the server or configuration.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings.json is read beside the program, whatever the working directory; data paths stay relative to it.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args.Where(a => a != DemoMode.Flag).ToArray(),
            ContentRootPath = AppContext.BaseDirectory,
        });
        // gRPC needs HTTP/2; a port offering HTTP/1.1 too would speak only HTTP/1.1 in plaintext.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2);
            // Pings on idle connections find a dead link (a watch whose client vanished) within a minute.
            kestrel.Limits.Http2.KeepAlivePingDelay = TimeSpan.FromSeconds(30);
            kestrel.Limits.Http2.KeepAlivePingTimeout = TimeSpan.FromSeconds(30);
        });
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])) builder.WebHost.UseUrls(DefaultUrl);
        builder.Services.AddServiceSettings(builder.Configuration);
        configure?.Invoke(builder);
        var tlsWarnings = TlsEndpoints.Configure(builder);
        builder.AddTelemetry();

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return TrainingDatabase.OpenFile(storage.Path, sp.GetRequiredService<ILoggerFactory>().CreateLogger("Training.Service.Storage"),
                DatabaseKey.Read(storage, Environment.GetEnvironmentVariable), new WriterMetrics(sp.GetRequiredService<IMeterFactory>()));
        });
        services.AddSingleton<ITrainingStore>(sp => sp.GetRequiredService<TrainingDatabase>());
        services.AddSingleton(sp =>
        {
            // The key file beside the database is read or made only once the database's lock is held.
            sp.GetRequiredService<TrainingDatabase>();
            return new PageTokens(PageTokenKey.ForDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Path));
        });
        services.AddSingleton<IReferenceData, ReferenceDataStore>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<IAuditTrail>(sp => sp.GetRequiredService<AuditTrail>());
        services.AddSingleton<IRequestLedger, RequestLedger>();
        services.AddSingleton<OfficerDirectory>();
        services.AddSingleton<IOfficerDirectory>(sp => sp.GetRequiredService<OfficerDirectory>());
        services.AddSingleton<IOfficerRepository, OfficerRepository>();
        services.AddSingleton<ICourseRepository, CourseRepository>();
        services.AddSingleton<ISessionRepository, SessionRepository>();
        services.AddSingleton<IAccessTokenRepository, AccessTokenRepository>();
        services.AddSingleton<Authenticator>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<CatalogWorkflow>();
        services.AddSingleton<RosterWorkflow>();
        services.AddSingleton<OfficerMapping>();
        services.AddSingleton<EligibilityEngine>();
        services.AddSingleton<NominationIndex>();
        services.AddSingleton<NominationRepository>();
        services.AddSingleton<INominationRepository>(sp => sp.GetRequiredService<NominationRepository>());
        services.AddSingleton<IOfficerNominationHistory>(sp => sp.GetRequiredService<NominationRepository>());
        services.AddSingleton<NominationFeed>();
        services.AddSingleton<INominationFeed>(sp => sp.GetRequiredService<NominationFeed>());
        services.AddSingleton<NominationWorkflow>();
        services.AddSingleton<IRequestRepository, RequestRepository>();
        services.AddSingleton<RecruitmentWorkflow>();
        services.AddSingleton<MatchMemo>();
        services.AddSingleton<CandidateMatcher>();
        services.AddSingleton<RequestMapping>();
        services.AddSingleton<IReportSource, ReportReader>();
        services.AddHostedService<FeedRetention>();
        services.AddSingleton<CallLogWriter>();
        services.AddSingleton<DatabaseBackup>();
        services.AddSingleton<ScheduledBackup>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledBackup>());

        services.AddGrpc(options =>
        {
            options.Interceptors.Add<ErrorMappingInterceptor>();
            options.Interceptors.Add<AuthenticationInterceptor>();
            options.Interceptors.Add<SmallAnswersPlain>();
            options.MaxReceiveMessageSize = 4 * 1024 * 1024;
            // Answers are gzipped for callers that accept it (grpc-accept-encoding), others get them plain; requests may
            // come gzipped. A page of officers shrinks nearly three times (docs/benchmarks.md, "Slow link"): what a focal
            // point on a slow link waits for. Fastest: on these messages Optimal gains little for much more CPU. Answers
            // under 1 KB go plain (SmallAnswersPlain): gzip costs more than it saves there.
            options.ResponseCompressionAlgorithm = "gzip";
            options.ResponseCompressionLevel = System.IO.Compression.CompressionLevel.Fastest;
        });
        builder.AddHttpJson();
        services.AddRequestEdge(builder.Configuration);
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        var app = builder.Build();
        ServiceSettings.CheckAll(app.Services);
        // Open the database (and take its lock), so a second service on the same file stops at once, and load what is
        // kept in memory, on the pool while this thread maps the endpoints: the two take about as long on a large file.
        var loading = Task.Run(() =>
        {
            app.Services.GetRequiredService<IReferenceData>();
            app.Services.GetRequiredService<NominationIndex>();
            app.Services.GetRequiredService<OfficerDirectory>();
            app.Services.GetRequiredService<IRequestLedger>();
            app.Services.GetRequiredService<ICourseRepository>();
            app.Services.GetRequiredService<ISessionRepository>();
            app.Services.GetRequiredService<IRequestRepository>();
            app.Services.GetRequiredService<IAccessTokenRepository>();
        });
        app.UseMiddleware<CallLog>();
        app.UseHttpJson();
        app.UseRequestEdge();
        app.UseMiddleware<CallerLanguage>();
        app.MapGrpcService<ReferenceDataApi>();
        app.MapGrpcService<AccessApi>();
        app.MapGrpcService<CatalogApi>();
        app.MapGrpcService<RosterApi>();
        app.MapGrpcService<NominationApi>();
        app.MapGrpcService<RecruitmentApi>();
        app.MapGrpcService<ReportApi>();
        app.MapGrpcService<OperationsApi>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        // Wait for what is kept in memory: loaded before the first call rather than during it (callers must never wait
        // on that). A failure to open the database surfaces here as itself.
        loading.GetAwaiter().GetResult();
        // Once the host has stopped (no more calls), the officers held are left as an image for a fast next start.
        app.Lifetime.ApplicationStopped.Register(app.Services.GetRequiredService<OfficerDirectory>().LeaveRosterImage);
        AdministratorCheck.WarnIfNobodyCanAdminister(app.Services);
        var startup = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Training.Service.Startup");
        foreach (var warning in tlsWarnings) startup.LogWarning("{Warning}", warning);
        return app;
    }

    /// <summary>
    /// Runs the service until it is stopped; a start it refuses ends with one line and an exit code of
    /// <see cref="ExitCodes"/> (see <see cref="ServiceRun"/>).
    /// </summary>
    public static Task<int> RunAsync(string[] args) => args switch
    {
        [BackupCommand.Verb, .. var rest] => BackupCommand.RunAsync(rest, Console.Out, Console.Error),
        [HealthCommand.Verb, .. var rest] => HealthCommand.RunAsync(rest, Console.Out),
        _ => ServiceRun.RunAsync(args, Build),
    };
}
