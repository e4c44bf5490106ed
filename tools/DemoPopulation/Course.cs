namespace Supervision.DemoPopulation;

/// <summary>A course as a learning platform teaches it: chapters of videos, in order.</summary>
public sealed record Course(string CourseCode, string Name, string WorkName, IReadOnlyList<CourseChapter> Chapters)
{
    public IReadOnlyList<CourseVideo> Videos => [.. Chapters.SelectMany(c => c.Videos)];
}
