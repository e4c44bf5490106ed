using System.ComponentModel;
using Supervision.Contracts.Study;
using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Requests;

/// <summary>1.10 studyHour's data: the hot path, read without boxing into a struct the handler copies into the report.</summary>
public readonly record struct StudyHourData(
    [property: Code, Description(FieldWords.OwnCode)] string StudyPlatformCode,
    [property: Code] string CourseCode,
    [property: Code] string? SectionCode,
    [property: Code, Description(FieldWords.Video)] string ResCode,
    [property: Integer(0, FieldWords.MaxVideoSeconds), Description("Current position in the video, seconds")] int PlayTime,
    [property: Integer(0, 24 * 3600), Description("Seconds played since the previous report")] int ProgressTime,
    [property: Code] string ClassCode,
    [property: Code("student UserCode"), Description(FieldWords.StudentCode)] string StudentUserCode)
{
    public StudyReport Report(DeviceInfo device) => new(StudyPlatformCode, CourseCode, SectionCode, ResCode, PlayTime, ProgressTime, device);
}
