using Supervision.Contracts.Checks;
using Supervision.Contracts.Study;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Parsing;

/// <summary>The section 1 study requests, each addressed to one student in one class.</summary>
public static class StudyRequestParser
{
    private const int MaxVideoSeconds = 7 * 24 * 3600;

    public static string GrainKey(EnvelopeData data) =>
        StudentClassKey.Of(data.Code("classCode"), data.Code("studentUserCode", "student UserCode"));

    public static StudyStart Start(EnvelopeCall call) => new(
        call.Data.Code("studyPlatformCode"),
        call.Data.Code("courseCode"),
        call.Data.OptionalCode("sectionCode"),
        call.Data.Code("resCode"),
        call.Device);

    public static StudyEnd End(EnvelopeCall call) => new(
        call.Data.Code("studyPlatformCode"),
        call.Data.Code("resCode"),
        call.Device);

    public static StudyReport Report(EnvelopeCall call) => new(
        call.Data.Code("studyPlatformCode"),
        call.Data.Code("courseCode"),
        call.Data.OptionalCode("sectionCode"),
        call.Data.Code("resCode"),
        (int)call.Data.Integer("playTime", 0, MaxVideoSeconds),
        (int)call.Data.Integer("progressTime", 0, 24 * 3600),
        call.Device);

    public static RecordingSubmission Recording(EnvelopeCall call) => new(
        call.Data.Code("studyPlatformCode"),
        call.Data.Code("courseCode"),
        call.Data.Code("resCode"),
        call.Data.Url("recordVideoUrl"),
        call.Device);

    public static CheckRequest Check(EnvelopeCall call, CheckKind kind) => new(
        call.Data.Code("studyPlatformCode"),
        call.Data.Code("resCode"),
        kind,
        call.Device);

    public static CodeSubmission Code(EnvelopeCall call) => new(
        call.Data.Code("studyPlatformCode"),
        call.Data.Text("verificationCode", 16),
        (int)call.Data.Integer("videoStudyTime", 0, MaxVideoSeconds),
        call.Device);
}
