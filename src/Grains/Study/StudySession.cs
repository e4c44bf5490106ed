using Supervision.Contracts.Classes;
using Supervision.Contracts.Study;

namespace Supervision.Grains.Study;

/// <summary>One session: from startStudy to endStudy (or a newer start) of one student on one resource.</summary>
[GenerateSerializer]
public sealed class StudySession
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public string PlatformCode { get; set; } = "";
    [Id(2)] public StudyTerms Terms { get; set; } = null!;
    [Id(3)] public DateTimeOffset StartedAt { get; set; }

    /// <summary>Seconds the wall clock has accepted so far (before the duration and daily caps): the budget's spending.</summary>
    [Id(4)] public int Clocked { get; set; }

    [Id(5)] public int Credited { get; set; }
    [Id(6)] public int Reports { get; set; }
    [Id(7)] public int? LastPlayTime { get; set; }
    [Id(8)] public int? LastProgressTime { get; set; }
    [Id(9)] public string? LastClientTimestamp { get; set; }
    [Id(10)] public StudyReceipt? LastReceipt { get; set; }
    [Id(11)] public DateTimeOffset? LastReportAt { get; set; }
    [Id(12)] public bool LastReportJumped { get; set; }
    [Id(13)] public bool HasRecording { get; set; }
    [Id(14)] public DateTimeOffset? EndedAt { get; set; }
    [Id(15)] public string? EndReason { get; set; }
    [Id(16)] public string? SectionCode { get; set; }

    /// <summary>How many scheduled anti-idle checks of this session have been cleared.</summary>
    [Id(17)] public int ChecksCleared { get; set; }

    /// <summary>When the pending anti-idle check fell due; null while none is due.</summary>
    [Id(18)] public DateTimeOffset? CheckDueSince { get; set; }

    /// <summary>The class wants a face check before anything of this session counts (videoStartFace=1).</summary>
    [Id(19)] public bool AwaitingStartFace { get; set; }

    [Id(20)] public bool OverdueRecorded { get; set; }

    /// <summary>The envelope timestamp of the endStudy that closed the session, to know its retry.</summary>
    [Id(21)] public string? EndClientTimestamp { get; set; }

    /// <summary>The bizCode of the last pass taken, to know the same pass delivered again.</summary>
    [Id(22)] public string? LastPassBizCode { get; set; }

    /// <summary>Whether <paramref name="end"/> is a client's retry of the endStudy that closed this session.</summary>
    public bool WasEndedBy(StudyEnd end) =>
        EndReason == "ended" && end.Device.ClientTimestamp is { } timestamp && timestamp == EndClientTimestamp
        && Terms.ResCode == end.ResCode && PlatformCode == end.PlatformCode;

    public SessionView View() => new(Id, Terms.ResCode, StartedAt, EndedAt, EndReason, Credited, Reports);
}
