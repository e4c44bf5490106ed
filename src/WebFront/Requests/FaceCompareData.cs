using System.ComponentModel;
using Supervision.Contracts.Checks;
using Supervision.Contracts.Study;
using Supervision.Envelope;
using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Requests;

/// <summary>1.6 thirdFaceCompare's data.</summary>
public readonly record struct FaceCompareData(
    [property: Code, Description(FieldWords.OwnCode)] string StudyPlatformCode,
    [property: Code] string ClassCode,
    [property: Code("student UserCode"), Description(FieldWords.StudentCode)] string StudentUserCode,
    [property: Code, Description(FieldWords.Video)] string ResCode,
    [property: Integer(0, 2), Description("0: target is base64; 1: target is an http(s) image URL; 2: either")] int CompareMode,
    [property: Text(FaceCompareData.MaxTargetLength), Description("The photo: a JPEG or PNG of at most 2 MB and 1920×1080, as base64 (a data: prefix is stripped) or a URL")] string Target,
    [property: Integer(0, FieldWords.MaxVideoSeconds), Description(FieldWords.VideoPosition)] int VideoStudyTime,
    [property: Code, Description("From 1.5, for the same student, class and video")] string BizCode)
{
    /// <summary>Base64 of the largest accepted photo (2 MB) with room for a data: prefix; the image checks bound it exactly.</summary>
    public const int MaxTargetLength = 2_800_000 + 256;

    public FaceSubmission Submission(EnvelopeData data, DeviceInfo device) =>
        new(StudyPlatformCode, ClassCode, StudentUserCode, ResCode, Photo(data), VideoStudyTime, device);

    /// <summary>compareMode 0: base64; 1: an image URL; 2 (mixed): either, told apart by the http(s) scheme.</summary>
    private FacePhoto Photo(EnvelopeData data)
    {
        var isUrl = Target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || Target.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        return CompareMode switch
        {
            0 when isUrl => throw data.Invalid("target", "compareMode 0 expects a base64 image, not a URL"),
            1 => new FacePhoto(data.Url("target"), true),
            _ => new FacePhoto(Target, isUrl),
        };
    }
}
