namespace Supervision.Contracts.Reviews;

/// <summary>The words a decision is sent and recorded under, the same in the operator API and the evidence.</summary>
public static class FaceReviewDecisionNames
{
    public const string SamePerson = "same_person";
    public const string NotTheSamePerson = "not_the_same_person";

    public static string Of(FaceReviewDecision decision) => decision == FaceReviewDecision.SamePerson ? SamePerson : NotTheSamePerson;

    public static FaceReviewDecision? Parse(string? text) => text switch
    {
        SamePerson => FaceReviewDecision.SamePerson,
        NotTheSamePerson => FaceReviewDecision.NotTheSamePerson,
        _ => null,
    };
}
