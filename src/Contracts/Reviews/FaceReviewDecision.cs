namespace Supervision.Contracts.Reviews;

/// <summary>A reviewer's judgement of a borderline face-check photo against the registered photo.</summary>
public enum FaceReviewDecision
{
    SamePerson,
    NotTheSamePerson,
}
