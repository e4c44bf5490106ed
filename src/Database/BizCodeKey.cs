using Npgsql;

namespace Supervision.Database;

/// <summary>
/// The cluster's bizCode key (<see cref="ClusterSettings.LoadOrCreateBizCodeKeyAsync"/>), read once and lazily, so
/// that a process can start before the database is up; a failed read is retried on the next use.
/// </summary>
public sealed class BizCodeKey(NpgsqlDataSource dataSource)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private byte[]? key;

    public ValueTask<byte[]> GetAsync(CancellationToken cancellationToken) =>
        key is { } known ? ValueTask.FromResult(known) : new ValueTask<byte[]>(LoadAsync(cancellationToken));

    private async Task<byte[]> LoadAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return key ??= await ClusterSettings.LoadOrCreateBizCodeKeyAsync(dataSource, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }
}
