namespace Supervision.Grains.Study;

/// <summary>Why a span of study closed for good (a pause is not an end). Stable once published: evidence carries them.</summary>
public static class SpanEndReason
{
    /// <summary>startStudy on another video of the class.</summary>
    public const string Superseded = "superseded";

    /// <summary>The same person (ID number) started studying in another class.</summary>
    public const string OtherClass = "other_class";

    /// <summary>
    /// The same person started studying on another learning platform after the study here had gone quiet. Not the
    /// learner's doing, and possibly another platform's: nothing recorded against this class follows from it.
    /// </summary>
    public const string OtherPlatform = "other_platform";
}
