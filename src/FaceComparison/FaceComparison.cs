namespace Supervision.FaceComparison;

/// <summary>
/// Outcome of one comparison, kept whole as evidence. <see cref="Score"/> is in the provider's own unit
/// (Euclidean distance for the local model: lower is more alike; 0–100 similarity for Baidu: higher is more alike),
/// and <see cref="Threshold"/> is the bound it was judged against, so a stored result can be re-read without the configuration.
/// </summary>
public sealed record FaceComparison(
    bool FaceInReference,
    bool FaceInProbe,
    double? Score,
    FaceDecision Decision,
    double Threshold);
