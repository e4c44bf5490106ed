using Supervision.Contracts.Courses;
using Supervision.Grains.Courses;
using Supervision.Grains.Platforms;

namespace Supervision.Tests.Rules;

public sealed class CourseCodeDerivationTests
{
    private static CourseInfoSubmission Course(string name = "焊工基础", string url = "http://lp.example.test/api") => new(
        url, name, null,
        [
            new CourseInfoSection("第一章", 1, [new CourseInfoVideo("第一节", "http://v.example.test/1.mp4", 1, 50), new CourseInfoVideo("第二节", null, 2, 60)]),
            new CourseInfoSection("第二章", 2, [new CourseInfoVideo("第一节", null, 1, 70)]),
        ]);

    [Fact]
    public void The_same_course_yields_the_same_codes()
    {
        var first = CourseCodeDerivation.Derive(Course(), ApiUrlKey.Of("http://lp.example.test/api")!);
        var again = CourseCodeDerivation.Derive(Course(url: "HTTP://LP.example.test/api/"), ApiUrlKey.Of("HTTP://LP.example.test/api/")!);
        Assert.Equal(Codes(first), Codes(again));
    }

    [Fact]
    public void Every_node_gets_a_distinct_32_character_code()
    {
        var codes = Codes(CourseCodeDerivation.Derive(Course(), "http://lp.example.test/api"));
        Assert.Equal(6, codes.Count); // course, two sections, three videos
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[0-9a-f]{32}$", c));
    }

    [Fact]
    public void Another_name_or_platform_yields_another_course_code()
    {
        var course = CourseCodeDerivation.Derive(Course(), "http://lp.example.test/api").CourseCode;
        Assert.NotEqual(course, CourseCodeDerivation.Derive(Course("电工基础"), "http://lp.example.test/api").CourseCode);
        Assert.NotEqual(course, CourseCodeDerivation.Derive(Course(), "http://other.example.test/api").CourseCode);
    }

    private static List<string> Codes(CoursePackage package) =>
        [package.CourseCode, .. package.Chapters.Select(c => c.ChapterCode), .. package.Chapters.SelectMany(c => c.Sections).SelectMany(s => s.Resources).Select(r => r.ResCode)];
}
