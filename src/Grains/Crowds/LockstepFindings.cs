using Supervision.Contracts.Study;

namespace Supervision.Grains.Crowds;

/// <summary>
/// What a sweep found: each crowd's accounts with their flags, the pairs of accounts it tallied, and the coinciding
/// events it passed over because they were of pairs beyond its bound (<see cref="CrowdOptions.MaxPairs"/>).
/// </summary>
public sealed record LockstepFindings(IReadOnlyList<IReadOnlyDictionary<string, CrowdFlag>> Groups, int PairsTallied, long PassedOver);
