using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SpineMobility.Web.Data;

/// <summary>
/// <c>/healthz</c>: Unhealthy when the database cannot be reached, Degraded while writes fail (a lock held by
/// another process, a read-only file, or a failure of the latest save such as a full disk), else Healthy.
/// </summary>
public sealed class DatabaseHealthCheck(AppDatabase database, WriteOutcomes writes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        string? writeProblem;
        try
        {
            writeProblem = await database.ProbeWriteAsync(cancellationToken);
        }
        catch (Exception e) when (e.IsDatabaseError())
        {
            return HealthCheckResult.Unhealthy($"{database.Description} cannot be reached: {e.Describe()}");
        }

        if (writeProblem is not null)
        {
            return HealthCheckResult.Degraded($"Writes to {database.Description} fail: {writeProblem}");
        }

        return writes.CurrentFailure is { } failure
            ? HealthCheckResult.Degraded($"The latest write to {database.Description}, at {failure.At:u}, failed: {failure.Problem}")
            : HealthCheckResult.Healthy();
    }
}
