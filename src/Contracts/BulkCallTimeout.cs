namespace Supervision.Contracts;

/// <summary>
/// The response timeout of calls that fan out to a grain per student or course (a class of thousands, a catalogue
/// push): under load they take longer than the 5 s a front allows an ordinary call, yet they are still worth
/// waiting for rather than answering 5001 and making the platform send thousands of rows again.
/// </summary>
public static class BulkCallTimeout
{
    public const string Value = "00:00:30";
}
