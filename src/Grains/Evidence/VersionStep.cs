namespace Supervision.Grains.Evidence;

/// <summary>
/// A write's move of its grain from the version it was drafted on (<see cref="Expected"/>) to the one it commits:
/// the ledger commits the write only if the grain's committed version is still the expected one.
/// </summary>
public readonly record struct VersionStep(string Kind, string Key, long Expected, long Version, DateTimeOffset At);
