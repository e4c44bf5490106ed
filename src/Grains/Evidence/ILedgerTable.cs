using Npgsql;

namespace Supervision.Grains.Evidence;

/// <summary>
/// A table of a grain's own side that its changes write rows to (<see cref="LedgerRows"/>). The ledger knows nothing of
/// the rows: it gathers a batch's rows by table and hands each table all of them in one call, inside the batch's
/// transaction, and only those of writes that passed their version check.
/// </summary>
public interface ILedgerTable
{
    Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<object> rows);

    /// <summary>The batch that wrote this table's rows has committed (to wake whatever reads them).</summary>
    void Committed()
    {
    }
}
