using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Training.Service.Storage;

/// <summary>Reports the service as serving while its database answers a read.</summary>
public sealed class DatabaseHealthCheck(TrainingDatabase database) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            database.Courses.Count();
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The database does not answer.", e));
        }
    }
}
