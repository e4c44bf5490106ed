namespace Supervision.DemoPopulation;

public sealed record CourseChapter(string ChapterCode, string Title, int Sort, IReadOnlyList<CourseVideo> Videos);
