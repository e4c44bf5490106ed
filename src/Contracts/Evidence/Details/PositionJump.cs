namespace Supervision.Contracts.Evidence.Details;

/// <summary>playTime moved further than was played.</summary>
[StoredAs(AnomalyKind.PositionJump)]
public sealed record PositionJump(
    int? From,
    int To,
    int Played,
    int JumpSeconds) : AnomalyDetails;
