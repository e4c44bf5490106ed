using System.ComponentModel;
using Supervision.Contracts.Reviews;
using Supervision.WebFront.Declarations;

namespace Supervision.WebFront.Queries;

/// <summary>POST /admin/face-reviews/{photoId}: the reviewer's decision on a borderline face check.</summary>
public sealed record FaceReviewVerdict(
    [property: QueryChoice(FaceReviewDecisionNames.SamePerson, FaceReviewDecisionNames.NotTheSamePerson, Demanded = true),
        Description("not_the_same_person voids the credit the check's pass let the video earn")] string Decision)
    : IQueryDeclaration<FaceReviewVerdict>
{
    public FaceReviewDecision Verdict => FaceReviewDecisionNames.Parse(Decision)!.Value;
}
