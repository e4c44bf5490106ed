using Supervision.Contracts.Reviews;

namespace Supervision.Grains.Reviews;

[GenerateSerializer]
public sealed class FaceReviewState
{
    [Id(0)] public FaceReviewView? Review { get; set; }

    [Id(1)] public string ClassCode { get; set; } = "";

    [Id(2)] public string StudentUserCode { get; set; } = "";

    /// <summary>
    /// A rejection committed here that the student-class has not yet taken: the review is committed before the
    /// rejection is delivered, so a delivery that failed is made again by the reviewer's retry.
    /// </summary>
    [Id(3)] public FaceCheckRejection? UndeliveredRejection { get; set; }
}
