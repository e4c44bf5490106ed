namespace Supervision.Contracts.Evidence.Details;

/// <summary>
/// How a face-check photo was judged: the decision (same, different, no_face, replayed), the score against the
/// threshold, the stored photo, and for a replay which photo it copies (an earlier check photo, <see cref="ReplayOf"/>,
/// or the registered photo) and how alike the copy is.
/// </summary>
public sealed record FaceJudgement(
    string Decision,
    double? Score,
    double Threshold,
    long PhotoId,
    long? ReplayOf,
    string? Copies,
    double? CopyLikeness)
{
    public const string CopiesRegisteredPhoto = "registered_photo";

    public const string CopiesCheckPhoto = "check_photo";
}
