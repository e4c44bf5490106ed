using Microsoft.Extensions.Logging;

namespace Supervision.Grains;

/// <summary>
/// A silo's housekeeping on the supervision clock: work run every interval until the silo stops. A run that fails is
/// logged with <c>failure</c> and the next tick tries again; nothing waits on it, so nothing else fails with it.
/// </summary>
public sealed class PeriodicWork(TimeProvider time, ILogger logger, string failure) : IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task running = Task.CompletedTask;

    public void Start(TimeSpan interval, Func<CancellationToken, Task> work) => running = RunAsync(interval, work, stopping.Token);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => stopping.Dispose();

    private async Task RunAsync(TimeSpan interval, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await work(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "{Failure}; trying again in {Interval}", failure, interval);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
