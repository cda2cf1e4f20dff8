using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Training.Service.Storage;

/// <summary>
/// Serving while the database answers a read and can take a write: a full disk, a read-only mount or a failed
/// commit makes the service NOT_SERVING (so a load balancer or an orchestrator stops sending it changes it would
/// refuse), and it is SERVING again as soon as writes go through.
/// </summary>
public sealed class DatabaseHealthCheck(TrainingDatabase database) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            database.Courses.Count();
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The database does not answer.", e));
        }
        return Task.FromResult(database.CannotWrite() is { } reason
            ? HealthCheckResult.Unhealthy($"The database cannot take changes: {reason}")
            : HealthCheckResult.Healthy());
    }
}
