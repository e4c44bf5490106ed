namespace Supervision.Contracts.Teachers;

[GenerateSerializer, Immutable]
public sealed record TeacherRegistration(
    [property: Id(0)] string TeaCode,
    [property: Id(1)] string TeaName,
    [property: Id(2)] string? DepCode,
    [property: Id(3)] string? DepName,
    [property: Id(4)] string OrgCode,
    [property: Id(5)] string TeaCard,
    [property: Id(6)] string Mobile,
    [property: Id(7)] string? Remark,
    [property: Id(8)] string StudyPlatformApiUrl);
