namespace Supervision.Grains.Evidence;

/// <summary>
/// Where a write's records sit on their grain's evidence chain: the chain's name and, beside each row list of the
/// <see cref="LedgerWrite"/> and in its order, each record's position and hash.
/// </summary>
public sealed record ChainLinks(string Chain, IReadOnlyList<ChainHead> Events, IReadOnlyList<ChainHead> Anomalies, IReadOnlyList<ChainHead> Reports);
