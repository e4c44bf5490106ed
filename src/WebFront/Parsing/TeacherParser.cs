using Supervision.Contracts.Teachers;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Parsing;

public static class TeacherParser
{
    public static TeacherRegistration Parse(EnvelopeData data) => new(
        data.Code("teaCode"),
        data.Text("teaName", 64),
        data.OptionalCode("depCode"),
        data.OptionalText("depName", 128),
        data.Code("orgCode"),
        data.IdNumber("teaCard"),
        data.Text("mobile", 32),
        data.OptionalText("remark", 512),
        data.Url("studyPlatformApiUrl"));
}
