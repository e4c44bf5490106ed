namespace Supervision.Contracts.Study;

/// <summary>What an operator's decision on a flag did: the seconds of credit a void took back (0 for a clear).</summary>
[GenerateSerializer, Immutable]
public sealed record FlagOutcome([property: Id(0)] string Decision, [property: Id(1)] int VoidedSeconds, [property: Id(2)] DateTimeOffset DecidedAt);
