using Npgsql;
using Supervision.Contracts.Students;
using Supervision.Database;

namespace Supervision.WebFront.Auth;

/// <summary>
/// The front's <see cref="PersonKeys"/>, on the cluster's secret. Read lazily, like the token key, so a front can
/// start before the database or the silos are up; a failed read is retried on the next request.
/// </summary>
public sealed class PersonKeySource(NpgsqlDataSource dataSource)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private PersonKeys? keys;

    public async ValueTask<string> OfAsync(string cardNo, CancellationToken cancellationToken) =>
        (keys ?? await LoadAsync(cancellationToken)).Of(cardNo);

    private async Task<PersonKeys> LoadAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return keys ??= new PersonKeys(await ClusterSettings.LoadOrCreatePersonKeySecretAsync(dataSource, cancellationToken));
        }
        finally
        {
            gate.Release();
        }
    }
}
