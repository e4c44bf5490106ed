namespace Supervision.WebFront;

/// <summary>A front may start before any silo: keep trying to reach the cluster instead of failing start-up.</summary>
public sealed class ClusterConnectionRetry(ILogger<ClusterConnectionRetry> logger) : IClientConnectionRetryFilter
{
    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        logger.LogWarning("No silo reachable yet ({Reason}); retrying in 2 s", exception.GetType().Name);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            // Shutting down before any silo answered: stop trying, quietly.
            return false;
        }
    }
}
