using System.ComponentModel;
using Supervision.Contracts.Teachers;
using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Requests;

/// <summary>2.1 teacherInfo's data.</summary>
public readonly record struct TeacherData(
    [property: Code, Description("Upsert key")] string TeaCode,
    [property: Text(64)] string TeaName,
    [property: Code] string? DepCode,
    [property: Text(128)] string? DepName,
    [property: Code] string OrgCode,
    [property: IdNumber, Description("Resident ID number")] string TeaCard,
    [property: Text(32)] string Mobile,
    [property: Text(512)] string? Remark,
    [property: Url, Description(FieldWords.PlatformUrl)] string StudyPlatformApiUrl)
{
    public TeacherRegistration Registration() => new(TeaCode, TeaName, DepCode, DepName, OrgCode, TeaCard, Mobile, Remark, StudyPlatformApiUrl);
}
