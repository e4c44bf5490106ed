using Supervision.Contracts.Courses;
using Supervision.Contracts.Students;
using Supervision.Contracts.Teachers;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Intake;

[Collection(ClusterCollection.Name)]
public sealed class CatalogueIntakeTests(SupervisionCluster system)
{
    [Fact]
    public async Task Course_info_answers_derived_codes_that_stay_the_same_when_re_sent()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var body = new
        {
            studyPlatformApiUrl = platforms.LearningUrl,
            courseName = "焊工基础",
            coursePoster = "http://img.example.test/p.jpg",
            sectionList = new[] { new { sectionName = "第一章", sectionSort = "1", sectionSourceList = new[] { new { chapterName = "第一节", videoUrl = "http://v.example.test/1.mp4", chapterSort = "1", duration = "50" } } } },
        };

        var first = await system.PostEnvelopeAsync("/api/course/v1/courseInfo", body, platforms.BusinessToken);
        var again = await system.PostEnvelopeAsync("/api/course/v1/courseInfo", body, platforms.BusinessToken);

        EnvelopeAssert.Code("0", first);
        Assert.Equal(first["returnData"]!.ToJsonString(), again["returnData"]!.ToJsonString());
        var courseCode = (string)first["returnData"]!["courseCode"]!;
        var resCode = (string)first["returnData"]!["sectionList"]![0]!["sectionSourceList"]![0]!["resCode"]!;
        var stored = await system.Grains.GetGrain<ICourseGrain>(courseCode).Describe();
        Assert.Equal(platforms.LearningCode, stored?.PlatformCode);
        Assert.Equal(50, stored!.Package.Chapters.Single().Sections.Single().Resources.Single(r => r.ResCode == resCode).DurationSeconds);
    }

    [Fact]
    public async Task Students_are_upserted_by_ID_number_and_a_bad_entry_changes_nothing()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var card = TestIds.IdNumber();
        object Student(string cardNo, string name) => new { studyPlatformApiUrl = platforms.LearningUrl, stuCode = "s-" + name.Length, stuName = name, stuCard = cardNo, mobile = "13800000000" };

        var rejected = await system.PostEnvelopeAsync("/api/user/v1/studentInfo", new[] { Student(card, "王五"), Student("123", "赵六") }, platforms.BusinessToken);
        EnvelopeAssert.Code("1003", rejected);
        EnvelopeAssert.Names("data[1].stuCard", rejected);
        Assert.Null(await system.Grains.GetGrain<IStudentGrain>(system.PersonKeys.Of(card)).Describe());

        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync("/api/user/v1/studentInfo", new[] { Student(card, "王五") }, platforms.BusinessToken));
        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync("/api/user/v1/studentInfo", new[] { Student(card, "王五一") }, platforms.BusinessToken));
        Assert.Equal("王五一", (await system.Grains.GetGrain<IStudentGrain>(system.PersonKeys.Of(card)).Describe())?.Name);
    }

    [Fact]
    public async Task A_teacher_belongs_to_the_business_platform_that_sent_it()
    {
        var owner = await Platforms.ProvisionAsync(system);
        var other = await Platforms.ProvisionAsync(system);
        var teaCode = TestIds.Code("t");
        object Teacher(Platforms p, string name) => new { studyPlatformApiUrl = p.LearningUrl, teaCode, teaName = name, orgCode = "org1", teaCard = TestIds.IdNumber(), mobile = "13800000000" };

        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync("/api/user/v1/teacherInfo", Teacher(owner, "李老师"), owner.BusinessToken));

        // Teacher codes are each platform's own: the same code from another platform is another teacher, so it can
        // neither squat the owner's code nor learn from the answer that the owner uses it.
        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync("/api/user/v1/teacherInfo", Teacher(other, "冒名"), other.BusinessToken));
        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync("/api/user/v1/teacherInfo", Teacher(owner, "李老师二"), owner.BusinessToken));

        Assert.Equal("李老师二", (await system.Grains.GetGrain<ITeacherGrain>(TeacherKey.Of(owner.BusinessCode, teaCode)).Describe())?.TeaName);
        Assert.Equal("冒名", (await system.Grains.GetGrain<ITeacherGrain>(TeacherKey.Of(other.BusinessCode, teaCode)).Describe())?.TeaName);
    }

    [Fact]
    public async Task A_course_push_keeps_nested_chapters_and_the_last_occurrence_of_a_code()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var courseCode = TestIds.Code();
        object Package(string name, int status) => new
        {
            studyPlatformCode = platforms.LearningCode,
            courseName = name,
            courseCode,
            workName = "焊工",
            courseStatus = status.ToString(),
            chapterList = new[]
            {
                new
                {
                    chapterName = "第一章", chapterCode = "ch1", parentChapterCode = "", chapterSort = 1,
                    sectionList = new[] { new { sectionName = "第一节", sectionCode = "se1", sectionSort = "1", sectionSourceList = new[] { new { resName = "v", resCode = "r1", resSort = 1, duration = "600" } } } },
                    chapterList = new[] { new { chapterName = "1.1", chapetCode = "ch1-1", parentChapertCode = "ch1", chapterSort = 1, sectionList = Array.Empty<object>() } },
                },
            },
        };

        var answer = await system.PostEnvelopeAsync("/api/v1/thirdCoursePush", new[] { Package("旧名", 0), Package("新名", 2) }, platforms.LearningToken);

        EnvelopeAssert.Code("0", answer);
        var stored = (await system.Grains.GetGrain<ICourseGrain>(courseCode).Describe())!;
        Assert.Equal("新名", stored.Package.CourseName);
        var chapter = Assert.Single(stored.Package.Chapters);
        Assert.Equal("ch1", Assert.Single(chapter.Chapters).ParentChapterCode);
        Assert.Equal(600, chapter.Sections.Single().Resources.Single().DurationSeconds);

        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync("/api/v1/thirdCoursePush", new[] { Package("新名", 1) }, platforms.LearningToken));
        Assert.True((await system.Grains.GetGrain<ICourseGrain>(courseCode).Describe())!.Deleted);
    }
}
