using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Training.Service.Http;

namespace Training.Service.Edge;

/// <summary>
/// Per-caller rate limits with ASP.NET Core's rate limiter, ahead of gRPC: one token bucket per access token and
/// budget (<see cref="CallCosts"/>), and a cap on the expensive reads one token has running at once, so a caller over
/// its budget is refused in microseconds without touching the writer or the database, and other callers keep their
/// latency. A refusal is RESOURCE_EXHAUSTED with a RetryInfo.
/// </summary>
public static class CallerRateLimits
{
    private const string Anonymous = "anonymous";

    public static void Configure(RateLimiterOptions limiter, RateLimitOptions budgets)
    {
        limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(Budgets(budgets), RunningExpensiveReads(budgets));
        limiter.OnRejected = async (context, _) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
            var http = context.HttpContext;
            http.RequestServices.GetRequiredService<RefusalLog>()
                .Refused(CalledMethod.Of(http), Refusals.RateLimited, $"over its budget, told to retry in {retryAfter.TotalSeconds:0.#} s");
            var refusal = Refusals.TooManyRequests(retryAfter);
            await (CalledMethod.IsTranscoded(http) ? JsonStatus.WriteAsync(http, refusal) : GrpcRefusalResponse.WriteAsync(http, refusal));
        };
    }

    /// <summary>Calls per second: one token bucket per token and budget.</summary>
    private static PartitionedRateLimiter<HttpContext> Budgets(RateLimitOptions budgets) =>
        PartitionedRateLimiter.Create<HttpContext, (CallCost Cost, string Caller)>(http =>
        {
            var cost = budgets.Enabled ? CallCosts.Of(CalledMethod.Of(http)) : CallCost.Free;
            if (cost == CallCost.Free) return RateLimitPartition.GetNoLimiter((CallCost.Free, ""));
            var budget = cost == CallCost.Write ? budgets.Writes : budgets.ExpensiveReads;
            return RateLimitPartition.GetTokenBucketLimiter((cost, CallerOf(http)), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = budget.Burst,
                TokensPerPeriod = budget.PermitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                // A caller over budget is told at once when to come back; queueing would hold its connections open.
                QueueLimit = 0,
            });
        });

    /// <summary>Expensive reads running at once, per token: a permit is held until the call ends.</summary>
    private static PartitionedRateLimiter<HttpContext> RunningExpensiveReads(RateLimitOptions budgets) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
            budgets.Enabled && CallCosts.Of(CalledMethod.Of(http)) == CallCost.ExpensiveRead
                ? RateLimitPartition.GetConcurrencyLimiter(CallerOf(http), _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = budgets.ConcurrentExpensiveReads,
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));

    /// <summary>
    /// The partition of a caller: a hash of its bearer credential (the secret itself is not kept as a key). Unknown
    /// credentials get partitions too, but are refused by authentication anyway; idle partitions are dropped.
    /// </summary>
    private static string CallerOf(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (authorization.Length == 0) return Anonymous;
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(authorization)), 0, 16);
    }

    /// <summary>Registers the limiter with the configured budgets.</summary>
    public static IServiceCollection AddCallerRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        // Checked now, so a bad value stops the service at start with a message rather than at its first call.
        (configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions()).Validated();
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<RateLimitOptions>>((limiter, budgets) => Configure(limiter, budgets.Value));
        return services;
    }
}
