namespace Supervision.FaceComparison;

/// <summary>Bound to configuration section <see cref="SectionName"/>.</summary>
public sealed class FaceComparisonOptions
{
    public const string SectionName = "Supervision:Face";

    public FaceProvider Provider { get; set; } = FaceProvider.Local;

    /// <summary>Smallest cloud similarity score (0–100) judged the same person; Baidu recommends 80.</summary>
    public double CloudPassScore { get; set; } = 80;

    /// <summary>
    /// Largest Euclidean distance between two 128-d descriptors judged the same person. 0.6 is the bound dlib's
    /// model was trained for; lower it to trade false accepts for more retakes.
    /// </summary>
    public double LocalMaxDistance { get; set; } = 0.6;

    /// <summary>
    /// Smallest <see cref="FacePrint.Likeness"/> at which a check photo is judged an edited copy of the registered photo
    /// rather than a new capture; chosen from the measurements in docs/face.md "Edited copies".
    /// </summary>
    public double CopyMinLikeness { get; set; } = 0.98;

    /// <summary>
    /// The same for an earlier check photo: higher, because a learner sitting still is nearly the same picture at the
    /// next check of the same sitting (docs/face.md "Edited copies").
    /// </summary>
    public double EarlierCopyMinLikeness { get; set; } = 0.996;

    /// <summary>Smallest detector confidence (0–1) that counts as a face; face-api's default for the tiny detector.</summary>
    public double LocalMinFaceScore { get; set; } = 0.5;

    /// <summary>
    /// Threads ONNX Runtime uses inside one network run. One keeps a comparison on one core, so concurrent
    /// comparisons spread over the cores instead of contending for all of them.
    /// </summary>
    public int LocalIntraOpThreads { get; set; } = 1;

    /// <summary>Comparisons run at once; later ones wait before decoding, so a burst cannot hold two decoded photos per request in memory.</summary>
    public int LocalMaxConcurrentComparisons { get; set; } = Environment.ProcessorCount;
}
