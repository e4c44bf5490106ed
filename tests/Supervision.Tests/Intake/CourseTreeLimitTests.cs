using Supervision.Contracts.Classes;
using Supervision.Contracts.Courses;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Intake;

/// <summary>
/// A platform sends a course tree of more entries (chapters, sections, videos) than the server keeps: one 2.4 of
/// 190,000 videos once held 245 MB of a silo. Over 10,000 entries a tree is refused whole with 1003 naming the list,
/// and nothing is stored; a real course (hundreds of videos) is taken as before.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CourseTreeLimitTests(SupervisionCluster system)
{
    [Fact]
    public async Task A_2_4_class_whose_course_tree_is_over_the_bound_is_refused_whole_and_an_honest_one_is_stored()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var classCode = TestIds.Code();

        var refused = await system.PostEnvelopeAsync("/api/class/v1/pushClassInfo", ClassWithVideos(platforms, classCode, 10_000), platforms.BusinessToken);
        var honestCode = TestIds.Code();
        var honest = await system.PostEnvelopeAsync("/api/class/v1/pushClassInfo", ClassWithVideos(platforms, honestCode, 900), platforms.BusinessToken);

        EnvelopeAssert.Code("1003", refused);
        EnvelopeAssert.Names("thirdClassCourseInfoVoList: 10011 chapters, sections and videos, more than the 10000", refused);
        Assert.Equal(0, await Ledger.CountAsync(system, "SELECT count(*) FROM class_directory WHERE class_code = @c", ("c", classCode)));
        EnvelopeAssert.Code("0", honest);
        Assert.Equal(900, (await system.Grains.GetGrain<IClassGrain>(honestCode).Describe())!.Courses.Single().Chapters.Sum(c => c.Resources.Count));
    }

    [Fact]
    public async Task A_1_13_push_or_a_2_2_course_over_the_bound_is_refused_whole()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var courseCode = TestIds.Code("course");
        var bigPackage = new
        {
            courseCode,
            courseName = "焊工",
            chapterList = new[]
            {
                new { chapterCode = "ch1", chapterName = "第1章", sectionList = Enumerable.Range(0, 10).Select(s => new
                {
                    sectionCode = $"sec{s}",
                    sectionName = "节",
                    sectionSourceList = Enumerable.Range(0, 1_000).Select(r => new { resCode = $"r{s}-{r}", duration = 60 }).ToArray(),
                }).ToArray() },
            },
        };
        var bigCourse = new
        {
            studyPlatformApiUrl = platforms.LearningUrl,
            courseName = "焊工基础",
            sectionList = Enumerable.Range(0, 10).Select(s => new
            {
                sectionName = $"第{s}章",
                sectionSort = s,
                sectionSourceList = Enumerable.Range(0, 1_000).Select(r => new { chapterName = $"节{r}", chapterSort = r }).ToArray(),
            }).ToArray(),
        };

        var push = await system.PostEnvelopeAsync("/api/v1/thirdCoursePush", new[] { bigPackage }, platforms.LearningToken);
        var course = await system.PostEnvelopeAsync("/api/course/v1/courseInfo", bigCourse, platforms.BusinessToken);

        EnvelopeAssert.Code("1003", push);
        EnvelopeAssert.Names("data[0].chapterList: 10011 chapters, sections and videos", push);
        Assert.Null(await system.Grains.GetGrain<ICourseGrain>(courseCode).Describe());
        EnvelopeAssert.Code("1003", course);
        EnvelopeAssert.Names("sectionList: 10010 chapters, sections and videos", course);
    }

    private static object ClassWithVideos(Platforms platforms, string classCode, int videos) => new
    {
        studyPlatformApiUrl = platforms.LearningUrl,
        classCode,
        trainClassName = "焊工 1 班",
        orgCode = "org1",
        orgName = "开创教育",
        thirdClassCourseInfoVoList = new[]
        {
            new
            {
                courseCode = "course-" + classCode[..8],
                children = Enumerable.Range(0, (videos + 999) / 1_000).Select(c => new
                {
                    chapterCode = $"ch{c}",
                    children = Enumerable.Range(0, Math.Min(1_000, videos - (c * 1_000))).Select(r => new { resCode = $"r{c}-{r}", videoTimeLength = 60 }).ToArray(),
                }).ToArray(),
            },
        },
        thirdClassStudentInfoVoList = new[] { new { cardNo = TestIds.IdNumber(), studentCode = "s1", studentName = "张丽" } },
    };
}
