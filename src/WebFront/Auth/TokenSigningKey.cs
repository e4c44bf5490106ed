using Npgsql;
using Supervision.Database;

namespace Supervision.WebFront.Auth;

/// <summary>
/// The key shared by every front, read once from the database (or given in configuration). Read lazily so
/// a front can start before the database or the silos are up; a failed read is retried on the next request.
/// </summary>
public sealed class TokenSigningKey(FrontOptions options, NpgsqlDataSource dataSource)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private byte[]? key = string.IsNullOrEmpty(options.TokenKey) ? null : Convert.FromHexString(options.TokenKey);

    public ValueTask<byte[]> GetAsync(CancellationToken cancellationToken) =>
        key is { } known ? ValueTask.FromResult(known) : new ValueTask<byte[]>(LoadAsync(cancellationToken));

    private async Task<byte[]> LoadAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return key ??= await ClusterSettings.LoadOrCreateTokenKeyAsync(dataSource, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }
}
