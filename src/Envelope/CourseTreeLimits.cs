using Supervision.Contracts.Classes;
using Supervision.Contracts.Courses;

namespace Supervision.Envelope;

/// <summary>
/// How large a course tree the server keeps (docs/limits.md). A tree counts its entries: every chapter, section and
/// video. A body's 4 MiB once held 190,000 videos, which a class or course then kept in a silo's memory; a real course
/// has hundreds. A tree over the bound is refused whole (1003) and nothing of it is stored.
/// </summary>
public static class CourseTreeLimits
{
    /// <summary>Entries of one course (1.13, 1.14, 2.2) or of one class's course tree (2.4).</summary>
    public const int MaxEntriesPerTree = 10_000;

    /// <summary>Entries of all the courses of one 1.13 push or one 1.14 page.</summary>
    public const int MaxEntriesPerRequest = 50_000;

    public static int Entries(CoursePackage package) => package.Chapters.Sum(Entries);

    public static int Entries(IReadOnlyList<ClassCourse> courses) => courses.Sum(c => 1 + c.Chapters.Sum(ch => 1 + ch.Resources.Count));

    public static int Entries(IReadOnlyList<CourseInfoSection> sections) => sections.Sum(s => 1 + s.Videos.Count);

    /// <summary>The tree, or the refusal naming <paramref name="field"/> of <paramref name="data"/> when it has more than <paramref name="limit"/> entries.</summary>
    public static T Within<T>(T tree, int entries, int limit, EnvelopeData data, string field) => entries <= limit
        ? tree
        : throw data.Invalid(field, Rule(entries, limit));

    /// <summary>The same, for a list that is not inside an object (1.13's data, 1.14's page), named by <paramref name="path"/>.</summary>
    public static T Within<T>(T tree, int entries, int limit, string path) => entries <= limit
        ? tree
        : throw new EnvelopeRejection(Contracts.ReturnCode.InvalidField, $"{path}: {Rule(entries, limit)}");

    private static string Rule(int entries, int limit) => $"{entries} chapters, sections and videos, more than the {limit} the server keeps in one request";

    private static int Entries(CourseChapter chapter) =>
        1 + chapter.Sections.Sum(s => 1 + s.Resources.Count) + chapter.Chapters.Sum(Entries);
}
