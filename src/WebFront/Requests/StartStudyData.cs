using System.ComponentModel;
using Supervision.Contracts.Study;
using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Requests;

/// <summary>1.3 startStudy's data.</summary>
public readonly record struct StartStudyData(
    [property: Code, Description(FieldWords.OwnCode)] string StudyPlatformCode,
    [property: Code] string CourseCode,
    [property: Code] string? SectionCode,
    [property: Code, Description(FieldWords.Video)] string ResCode,
    [property: Code] string ClassCode,
    [property: Code("student UserCode"), Description(FieldWords.StudentCode)] string StudentUserCode)
{
    public StudyStart Start(DeviceInfo device) => new(StudyPlatformCode, CourseCode, SectionCode, ResCode, device);
}
