using System.ComponentModel;
using Supervision.Contracts.Students;
using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Requests;

/// <summary>One student of 2.3 studentInfo's data array.</summary>
public readonly record struct StudentData(
    [property: IdNumber, Description("Resident ID number: the upsert key")] string StuCard,
    [property: Text(64)] string StuName,
    [property: Code] string StuCode,
    [property: Text(32)] string Mobile,
    [property: Url, Description("http(s) URL of the two-inch photo that face checks compare with")] string? ErcunPhotos,
    [property: Text(512)] string? Remark,
    [property: Url, Description(FieldWords.PlatformUrl)] string StudyPlatformApiUrl)
{
    public StudentRegistration Registration() => new(StuCard, StuName, StuCode, Mobile, ErcunPhotos, Remark, StudyPlatformApiUrl);
}
