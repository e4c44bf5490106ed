using Supervision.Contracts.Study;

namespace Supervision.Grains.Crowds;

/// <summary>
/// What a sweep found: each crowd's accounts with their flags, the pairs of accounts it tallied, whether it reached its
/// bound (<see cref="CrowdOptions.MaxPairs"/>), and the accounts it passed over: seen coinciding only in pairs past the bound.
/// </summary>
public sealed record LockstepFindings(IReadOnlyList<IReadOnlyDictionary<string, CrowdFlag>> Groups, int PairsTallied, bool Bounded, int AccountsPassedOver);
