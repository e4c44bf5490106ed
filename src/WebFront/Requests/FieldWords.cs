namespace Supervision.WebFront.Requests;

/// <summary>Descriptions several requests give the same field.</summary>
public static class FieldWords
{
    public const string OwnCode = "The calling platform's own code (1105 otherwise)";
    public const string StudentCode = "The student's code on the class roster";
    public const string Video = "The video";
    public const string VideoPosition = "Position in the video, seconds";
    public const string PlatformUrl = "The apiBaseUrl of the learning platform that teaches it (1204 when no registered learning platform has it)";

    /// <summary>The longest a video may be, in seconds: a week.</summary>
    public const int MaxVideoSeconds = 7 * 24 * 3600;
}
