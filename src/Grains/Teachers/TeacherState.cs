using Supervision.Contracts.Teachers;

namespace Supervision.Grains.Teachers;

[GenerateSerializer]
public sealed class TeacherState
{
    [Id(0)] public TeacherRegistration? Registration { get; set; }
    [Id(1)] public string BusinessPlatformCode { get; set; } = "";
    [Id(2)] public string LearningPlatformCode { get; set; } = "";
    [Id(3)] public DateTimeOffset UpdatedAt { get; set; }
}
