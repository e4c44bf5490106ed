namespace Supervision.Grains.Evidence;

/// <summary>
/// Where a write's events and anomalies sit on their grain's evidence chain: the chain's name and, beside each list of
/// the <see cref="LedgerWrite"/> and in its order, each record's position and hash. A grain side's own rows that are
/// evidence (<see cref="IChainedRow"/>) carry their link themselves.
/// </summary>
public sealed record ChainLinks(string Chain, IReadOnlyList<ChainHead> Events, IReadOnlyList<ChainHead> Anomalies);
