using System.ComponentModel;
using Supervision.Contracts.Study;
using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Requests;

/// <summary>1.9 submitRecordVideoUrl's data.</summary>
public readonly record struct RecordingData(
    [property: Code, Description(FieldWords.OwnCode)] string StudyPlatformCode,
    [property: Code] string CourseCode,
    [property: Code, Description(FieldWords.Video)] string ResCode,
    [property: Url, Description("http(s) URL of the recording")] string RecordVideoUrl,
    [property: Code] string ClassCode,
    [property: Code("student UserCode"), Description(FieldWords.StudentCode)] string StudentUserCode)
{
    public RecordingSubmission Submission(DeviceInfo device) => new(StudyPlatformCode, CourseCode, ResCode, RecordVideoUrl, device);
}
