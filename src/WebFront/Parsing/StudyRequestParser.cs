using Supervision.Contracts.Checks;
using Supervision.Contracts.Study;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Parsing;

/// <summary>The section 1 study requests, each addressed to one student in one class.</summary>
public static class StudyRequestParser
{
    private const int MaxVideoSeconds = 7 * 24 * 3600;

    // Base64 of the largest accepted photo (2 MB) with room for a data: prefix; the image checks bound it exactly.
    private const int MaxPhotoTargetLength = 2_800_000 + 256;

    public static (string ClassCode, string StudentUserCode) Codes(EnvelopeData data) =>
        (data.Code("classCode"), data.Code("studentUserCode", "student UserCode"));

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
        call.Device with { ClientTimestamp = ReportTimestamp.Checked(call.Headers) });

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

    public static FaceSubmission Face(EnvelopeCall call) => new(
        call.Data.Code("studyPlatformCode"),
        call.Data.Code("classCode"),
        call.Data.Code("studentUserCode", "student UserCode"),
        call.Data.Code("resCode"),
        FacePhoto(call.Data),
        (int)call.Data.Integer("videoStudyTime", 0, MaxVideoSeconds),
        call.Device);

    /// <summary>compareMode 0: base64; 1: an image URL; 2 (mixed): either, told apart by the http(s) scheme.</summary>
    private static FacePhoto FacePhoto(EnvelopeData data)
    {
        var mode = data.Integer("compareMode", 0, 2);
        var target = data.Text("target", MaxPhotoTargetLength);
        var isUrl = target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        return mode switch
        {
            0 when isUrl => throw data.Invalid("target", "compareMode 0 expects a base64 image, not a URL"),
            1 => new FacePhoto(data.Url("target"), true),
            _ => new FacePhoto(target, isUrl),
        };
    }
}
