namespace Supervision.Contracts.Courses;

/// <summary>2.2's course: no codes of its own; sections hold videos (which 2.2 calls chapters).</summary>
[GenerateSerializer, Immutable]
public sealed record CourseInfoSubmission(
    [property: Id(0)] string StudyPlatformApiUrl,
    [property: Id(1)] string CourseName,
    [property: Id(2)] string? CoursePoster,
    [property: Id(3)] IReadOnlyList<CourseInfoSection> Sections);

[GenerateSerializer, Immutable]
public sealed record CourseInfoSection(
    [property: Id(0)] string SectionName,
    [property: Id(1)] int SectionSort,
    [property: Id(2)] IReadOnlyList<CourseInfoVideo> Videos);

[GenerateSerializer, Immutable]
public sealed record CourseInfoVideo(
    [property: Id(0)] string ChapterName,
    [property: Id(1)] string? VideoUrl,
    [property: Id(2)] int ChapterSort,
    [property: Id(3)] int DurationSeconds);
