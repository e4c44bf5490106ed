using System.ComponentModel;
using Supervision.Contracts.Checks;
using Supervision.Contracts.Study;
using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Requests;

/// <summary>The data of 1.4 endStudy, 1.5 getFaceCompareConfig and 1.7 getVerificationCode: one student's study of one video.</summary>
public readonly record struct StudyData(
    [property: Code, Description(FieldWords.OwnCode)] string StudyPlatformCode,
    [property: Code, Description(FieldWords.Video)] string ResCode,
    [property: Code] string ClassCode,
    [property: Code("student UserCode"), Description(FieldWords.StudentCode)] string StudentUserCode)
{
    public StudyEnd End(DeviceInfo device) => new(StudyPlatformCode, ResCode, device);

    public CheckRequest Check(CheckKind kind, DeviceInfo device) => new(StudyPlatformCode, ResCode, kind, device);
}
