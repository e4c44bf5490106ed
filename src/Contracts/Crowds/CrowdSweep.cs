namespace Supervision.Contracts.Crowds;

/// <summary>
/// What one crowd analysis found: each group of accounts moving in lockstep ("classCode/studentUserCode"), and how
/// many accounts were newly flagged (an account already under review is not flagged twice).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CrowdSweep(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] IReadOnlyList<IReadOnlyList<string>> Groups,
    [property: Id(2)] int Flagged);
