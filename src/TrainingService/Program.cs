using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.Section));
        builder.Services.Configure<SecurityOptions>(builder.Configuration.GetSection(SecurityOptions.Section));
        builder.Services.Configure<FeedOptions>(builder.Configuration.GetSection(FeedOptions.Section));
        configure?.Invoke(builder);
        builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>()?.Validate();

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => TrainingDatabase.OpenFile(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Path));
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
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(EligibilityPolicy.Section).Get<EligibilityPolicy>() ?? new EligibilityPolicy());
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
        services.AddSingleton((builder.Configuration.GetSection(ParityTargets.Section).Get<ParityTargets>() ?? new ParityTargets()).Validated());
        services.AddSingleton<IReportSource, ReportReader>();
        services.AddHostedService<FeedRetention>();

        services.AddGrpc(options =>
        {
            options.Interceptors.Add<ErrorMappingInterceptor>();
            options.Interceptors.Add<AuthenticationInterceptor>();
            options.MaxReceiveMessageSize = 4 * 1024 * 1024;
        });
        services.AddRequestEdge(builder.Configuration);
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        var app = builder.Build();
        app.UseRequestEdge();
        app.UseMiddleware<CallerLanguage>();
        app.MapGrpcService<ReferenceDataApi>();
        app.MapGrpcService<AccessApi>();
        app.MapGrpcService<CatalogApi>();
        app.MapGrpcService<RosterApi>();
        app.MapGrpcService<NominationApi>();
        app.MapGrpcService<RecruitmentApi>();
        app.MapGrpcService<ReportApi>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        // Open the database (and take its lock) now, so a second service on the same file stops at once, and load
        // what is kept in memory before the first call rather than during it (callers must never wait on that).
        app.Services.GetRequiredService<IReferenceData>();
        app.Services.GetRequiredService<NominationIndex>();
        app.Services.GetRequiredService<OfficerDirectory>();
        app.Services.GetRequiredService<ICourseRepository>();
        app.Services.GetRequiredService<ISessionRepository>();
        app.Services.GetRequiredService<IRequestRepository>();
        app.Services.GetRequiredService<IAccessTokenRepository>();
        return app;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        WebApplication app;
        try
        {
            app = Build(args);
            if (args.Contains(DemoMode.Flag)) DemoMode.Start(app.Services, Console.Out);
        }
        catch (DatabaseInUseException e)
        {
            await Console.Error.WriteLineAsync($"training-service: {e.Message}");
            return 3;
        }
        catch (InvalidSettingException e)
        {
            await Console.Error.WriteLineAsync($"training-service: {e.Message}");
            return 2;
        }
        await app.RunAsync();
        return 0;
    }
}
