namespace Supervision.Contracts.Evidence;

/// <summary>Reads the evidence ledger for the operator.</summary>
public interface IEvidenceGrain : IGrainWithIntegerKey
{
    Task<IReadOnlyList<AnomalyView>> Anomalies(string? classCode, string? studentUserCode, DateTimeOffset? since, int limit);
}
