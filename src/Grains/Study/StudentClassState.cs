using Supervision.Contracts.Study;

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

    /// <summary>The credit of the session's resource, started at zero the first time it is studied.</summary>
    public CreditedResource CreditFor(StudySession session)
    {
        if (!Credit.TryGetValue(session.Terms.ResCode, out var credit))
        {
            credit = new CreditedResource { CourseCode = session.Terms.CourseCode, SectionCode = session.SectionCode ?? "" };
            Credit[session.Terms.ResCode] = credit;
        }

        return credit;
    }

    /// <summary>Starts a new day's count when <paramref name="now"/> falls on another China day than the last credit.</summary>
    public void RollDay(DateTimeOffset now)
    {
        var today = ChinaDay.Of(now);
        if (Day != today)
        {
            Day = today;
            TodayCredited = 0;
        }
    }

    public IReadOnlyList<ResourceCredit> CreditByResource() =>
        Credit.Select(c => new ResourceCredit(c.Value.CourseCode, c.Value.SectionCode, c.Key, c.Value.Seconds)).ToList();
}

[GenerateSerializer]
public sealed class CreditedResource
{
    [Id(0)] public string CourseCode { get; set; } = "";
    [Id(1)] public string SectionCode { get; set; } = "";
    [Id(2)] public int Seconds { get; set; }
}
