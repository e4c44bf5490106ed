using Supervision.FaceComparison;

namespace Supervision.Grains.Checks.Faces;

/// <summary>
/// Bound to <see cref="SectionName"/>. A photo whose score is within the band of the threshold, on either side, goes
/// to a reviewer; the learning platform has its answer at once either way. The bands are in the provider's unit.
/// </summary>
public sealed class FaceReviewOptions
{
    public const string SectionName = "Supervision:FaceReview";

    /// <summary>Distance either side of the local threshold (0.6): 0.55–0.65 holds most of the model's few errors on ID-photo crops.</summary>
    public double LocalBand { get; set; } = 0.05;

    /// <summary>Similarity points either side of the cloud pass score (80).</summary>
    public double CloudBand { get; set; } = 5;

    public double Band(FaceProvider provider) => provider == FaceProvider.Local ? LocalBand : CloudBand;
}
