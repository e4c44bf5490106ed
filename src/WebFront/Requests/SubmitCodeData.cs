using System.ComponentModel;
using Supervision.Contracts.Checks;
using Supervision.Contracts.Study;
using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Requests;

/// <summary>1.8 submitVerificationCode's data.</summary>
public readonly record struct SubmitCodeData(
    [property: Code, Description(FieldWords.OwnCode)] string StudyPlatformCode,
    [property: Text(16), Description("What the student typed")] string VerificationCode,
    [property: Integer(0, FieldWords.MaxVideoSeconds), Description(FieldWords.VideoPosition)] int VideoStudyTime,
    [property: Code, Description("From 1.7")] string BizCode)
{
    public CodeSubmission Submission(DeviceInfo device) => new(StudyPlatformCode, VerificationCode, VideoStudyTime, device);
}
