using Npgsql;

namespace Supervision.Grains.Evidence;

/// <summary>
/// A table of a grain's own side that its changes write rows to (<see cref="LedgerRows"/>). The ledger knows nothing of
/// the rows: it gathers a batch's rows by table and asks each table for the statements that write all of them, which it
/// sends with the batch's other statements in one round trip and one transaction, and only for writes that passed
/// their version check.
/// </summary>
public interface ILedgerTable
{
    /// <summary>
    /// The statements that write <paramref name="rows"/> (at least one row). <paramref name="writer"/> names the ledger
    /// writer committing them: an aggregate keeps a row per writer, so that two writers never wait on one row's lock.
    /// </summary>
    IEnumerable<NpgsqlBatchCommand> Commands(IReadOnlyList<object> rows, int writer);

    /// <summary>The batch that wrote this table's rows has committed (to wake whatever reads them).</summary>
    void Committed()
    {
    }
}
