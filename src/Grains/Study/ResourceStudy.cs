namespace Supervision.Grains.Study;

/// <summary>One student's study of one video in the class: its credit, where the player was, and its anti-idle schedule.</summary>
[GenerateSerializer]
public sealed class ResourceStudy
{
    [NonSerialized] private string resCode = "";

    /// <summary>The video's code: the key it is stored under (<see cref="VideoStudies"/>), not a field of its own.</summary>
    public string ResCode { get => resCode; set => resCode = value; }

    [Id(0)] public string CourseCode { get; set; } = "";
    [Id(1)] public string SectionCode { get; set; } = "";
    [Id(2)] public int Credited { get; set; }

    /// <summary>The video's duration in seconds, 0 when unknown.</summary>
    [Id(3)] public int DurationSeconds { get; set; }

    /// <summary>Seconds of play the clock accepted on this video, rewatching included: it only grows.</summary>
    [Id(4)] public int Played { get; set; }

    /// <summary>The last position reported.</summary>
    [Id(5)] public int Position { get; set; }

    [Id(6)] public CheckSchedule Schedule { get; set; } = new();

    [Id(7)] public PassCredit Passes { get; set; } = new();

    /// <summary>A copy for a report's draft: what a report changes of the video (<see cref="StudentClassState.Apply"/>) is copied.</summary>
    public ResourceStudy CopyForReport()
    {
        var copy = (ResourceStudy)MemberwiseClone();
        copy.Schedule = Schedule.Copy();
        copy.Passes = Passes.CopyForReport();
        return copy;
    }

    /// <summary>
    /// How far the video has progressed, for its checks: the position, or the seconds played when more, so that
    /// rewatching the first minutes over and over still reaches the points.
    /// </summary>
    public int Reached => Math.Max(Position, Played);

    /// <summary>Fully credited: nothing more to earn, so nothing to check.</summary>
    public bool Complete => DurationSeconds > 0 && Credited >= DurationSeconds;
}
