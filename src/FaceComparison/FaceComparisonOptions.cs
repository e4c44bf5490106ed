namespace Supervision.FaceComparison;

/// <summary>Bound to configuration section <see cref="SectionName"/>.</summary>
public sealed class FaceComparisonOptions
{
    public const string SectionName = "Supervision:Face";

    public FaceProvider Provider { get; set; } = FaceProvider.Baidu;

    /// <summary>Smallest cloud similarity score (0–100) judged the same person; Baidu recommends 80.</summary>
    public double CloudPassScore { get; set; } = 80;
}
