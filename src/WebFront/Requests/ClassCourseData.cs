using Supervision.Contracts.Classes;
using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Requests;

/// <summary>A course of a 2.4 class.</summary>
public readonly record struct ClassCourseData(
    [property: Code] string CourseCode,
    [property: Text(256)] string? Title,
    [property: Integer(int.MinValue, int.MaxValue)] int? Sort,
    [property: Objects(1_000)] IReadOnlyList<ClassChapterData>? Children)
{
    public ClassCourse Course() => new(CourseCode, Title, Sort ?? 0, (Children ?? []).Select(chapter => chapter.Chapter()).ToList());
}
