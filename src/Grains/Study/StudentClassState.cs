namespace Supervision.Grains.Study;

[GenerateSerializer]
public sealed class StudentClassState
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public Dictionary<string, CreditedResource> Credit { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The calendar day (China Standard Time) that <see cref="TodayCredited"/> counts.</summary>
    [Id(2)] public DateOnly Day { get; set; }

    [Id(3)] public int TodayCredited { get; set; }
    [Id(4)] public StudySession? Session { get; set; }

    /// <summary>The most recent closed sessions, newest first: a report on one of them is a report on a closed session.</summary>
    [Id(5)] public List<StudySession> Closed { get; set; } = [];

    [Id(6)] public bool RealNameVerified { get; set; }
}

[GenerateSerializer]
public sealed class CreditedResource
{
    [Id(0)] public string CourseCode { get; set; } = "";
    [Id(1)] public string SectionCode { get; set; } = "";
    [Id(2)] public int Seconds { get; set; }
}
