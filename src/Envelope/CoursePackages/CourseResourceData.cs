using System.ComponentModel;
using Supervision.Contracts.Courses;
using Supervision.Envelope.Declarations;

namespace Supervision.Envelope.CoursePackages;

/// <summary>A video of a course package's section.</summary>
public readonly record struct CourseResourceData(
    [property: Code] string ResCode,
    [property: Text(256)] string? ResName,
    [property: Url] string? VideoUrl,
    [property: Integer(int.MinValue, int.MaxValue)] int? ResSort,
    [property: Integer(0, 7 * 24 * 3600), Description("Seconds")] int? Duration)
{
    public CourseResource Resource() => new(ResCode, ResName, VideoUrl, ResSort ?? 0, Duration ?? 0);
}
