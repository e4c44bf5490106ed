using Supervision.Contracts.Students;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Parsing;

/// <summary>One entry of 2.3's array.</summary>
public static class StudentParser
{
    public static StudentRegistration Parse(EnvelopeData data) => new(
        data.IdNumber("stuCard"),
        data.Text("stuName", 64),
        data.Code("stuCode"),
        data.Text("mobile", 32),
        data.OptionalUrl("ercunPhotos"),
        data.OptionalText("remark", 512),
        data.Url("studyPlatformApiUrl"));
}
