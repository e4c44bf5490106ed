using System.ComponentModel;
using Supervision.Contracts.Courses;
using Supervision.Envelope.Declarations;

namespace Supervision.Envelope.CoursePackages;

/// <summary>A chapter of a course package; chapters may nest (the seed's 1.13 example does).</summary>
public readonly record struct CourseChapterData(
    [property: Code("chapetCode")] string ChapterCode,
    [property: Code("parentChapertCode")] string? ParentChapterCode,
    [property: Text(256)] string? ChapterName,
    [property: Integer(int.MinValue, int.MaxValue)] int? ChapterSort,
    [property: Objects(1_000)] IReadOnlyList<CourseSectionData>? SectionList,
    [property: Objects(1_000), Description("Nested chapters, as in the seed's example")] IReadOnlyList<CourseChapterData>? ChapterList)
{
    public CourseChapter Chapter() => new(ChapterCode, ParentChapterCode, ChapterName, ChapterSort ?? 0,
        (SectionList ?? []).Select(section => section.Section()).ToList(),
        (ChapterList ?? []).Select(chapter => chapter.Chapter()).ToList());
}
