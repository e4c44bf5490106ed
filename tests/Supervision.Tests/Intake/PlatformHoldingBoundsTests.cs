using Supervision.Contracts.Classes;
using Supervision.Contracts.Courses;
using Supervision.Contracts.Students;
using Supervision.Contracts.Teachers;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Intake;

/// <summary>
/// How much one platform may hold in all — teachers, courses, people — on a system whose bounds are low enough to
/// reach (2 teachers, 2 courses, 3 people a platform). A hostile platform that fills its bound is refused 1311 naming
/// the field, with nothing stored; what it already holds still updates, and other platforms are not touched.
/// </summary>
public sealed class PlatformHoldingBoundsTests(PlatformHoldingBoundsTests.LowBounds fixture) : IClassFixture<PlatformHoldingBoundsTests.LowBounds>
{
    private const string TeacherInfo = "/api/user/v1/teacherInfo";
    private const string CoursePush = "/api/v1/thirdCoursePush";
    private const string CourseInfo = "/api/course/v1/courseInfo";
    private const string StudentInfo = "/api/user/v1/studentInfo";
    private const string PushClass = "/api/class/v1/pushClassInfo";
    private SupervisionCluster System => fixture.System;

    [Fact]
    public async Task A_business_platform_past_its_teachers_is_refused_1311_and_stores_nothing_while_its_teachers_still_update()
    {
        var hostile = await Platforms.ProvisionAsync(System);
        var other = await Platforms.ProvisionAsync(System);
        var first = TestIds.Code("t");
        EnvelopeAssert.Code("0", await System.PostEnvelopeAsync(TeacherInfo, Teacher(hostile, first, "李老师"), hostile.BusinessToken));
        EnvelopeAssert.Code("0", await System.PostEnvelopeAsync(TeacherInfo, Teacher(hostile, TestIds.Code("t"), "王老师"), hostile.BusinessToken));
        var third = TestIds.Code("t");

        var refused = await System.PostEnvelopeAsync(TeacherInfo, Teacher(hostile, third, "赵老师"), hostile.BusinessToken);

        EnvelopeAssert.Code("1311", refused);
        EnvelopeAssert.Names("teaCode: this platform holds 2 teachers and may hold at most 2", refused);
        Assert.Null(await System.Grains.GetGrain<ITeacherGrain>(TeacherKey.Of(hostile.BusinessCode, third)).Describe());
        EnvelopeAssert.Code("0", await System.PostEnvelopeAsync(TeacherInfo, Teacher(hostile, first, "李老师二"), hostile.BusinessToken));
        Assert.Equal("李老师二", (await System.Grains.GetGrain<ITeacherGrain>(TeacherKey.Of(hostile.BusinessCode, first)).Describe())?.TeaName);
        EnvelopeAssert.Code("0", await System.PostEnvelopeAsync(TeacherInfo, Teacher(other, third, "赵老师"), other.BusinessToken));
    }

    [Fact]
    public async Task A_learning_platform_past_its_courses_is_refused_1311_whole_while_its_courses_still_update()
    {
        var hostile = await Platforms.ProvisionAsync(System);
        var other = await Platforms.ProvisionAsync(System);
        var (first, second, third) = (TestIds.Code(), TestIds.Code(), TestIds.Code());
        EnvelopeAssert.Code("0", await System.PostEnvelopeAsync(CoursePush, new[] { Package(hostile, first, "安全生产法规"), Package(hostile, second, "电工基础") }, hostile.LearningToken));

        var refused = await System.PostEnvelopeAsync(CoursePush, new[] { Package(hostile, first, "安全生产法规（修订）"), Package(hostile, third, "触电急救") }, hostile.LearningToken);

        EnvelopeAssert.Code("1311", refused);
        EnvelopeAssert.Names("courseCode: this platform holds 2 courses and may hold at most 2", refused);
        Assert.Null(await System.Grains.GetGrain<ICourseGrain>(third).Describe());
        Assert.Equal("安全生产法规", (await System.Grains.GetGrain<ICourseGrain>(first).Describe())!.Package.CourseName);

        EnvelopeAssert.Code("0", await System.PostEnvelopeAsync(CoursePush, new[] { Package(hostile, first, "安全生产法规（修订）") }, hostile.LearningToken));
        Assert.Equal("安全生产法规（修订）", (await System.Grains.GetGrain<ICourseGrain>(first).Describe())!.Package.CourseName);
        EnvelopeAssert.Code("0", await System.PostEnvelopeAsync(CoursePush, new[] { Package(other, third, "触电急救") }, other.LearningToken));
    }

    [Fact]
    public async Task A_business_platforms_course_submissions_count_against_it_not_against_the_learning_platform()
    {
        var platforms = await Platforms.ProvisionAsync(System);
        EnvelopeAssert.Code("0", await System.PostEnvelopeAsync(CourseInfo, Submission(platforms, "焊工基础"), platforms.BusinessToken));
        EnvelopeAssert.Code("0", await System.PostEnvelopeAsync(CourseInfo, Submission(platforms, "焊接安全"), platforms.BusinessToken));

        var refused = await System.PostEnvelopeAsync(CourseInfo, Submission(platforms, "气割作业"), platforms.BusinessToken);

        EnvelopeAssert.Code("1311", refused);
        EnvelopeAssert.Names("courseName: this platform holds 2 courses", refused);
        EnvelopeAssert.Code("0", await System.PostEnvelopeAsync(CourseInfo, Submission(platforms, "焊工基础"), platforms.BusinessToken));
        // The learning platform's own catalogue is not what the business platform filled.
        EnvelopeAssert.Code("0", await System.PostEnvelopeAsync(CoursePush, new[] { Package(platforms, TestIds.Code(), "电工基础") }, platforms.LearningToken));
    }

    [Fact]
    public async Task A_business_platform_past_its_people_is_refused_1311_on_2_3_and_2_4_with_nothing_stored_while_its_people_still_update()
    {
        var hostile = await Platforms.ProvisionAsync(System);
        var other = await Platforms.ProvisionAsync(System);
        var held = Cards(3);
        EnvelopeAssert.Code("0", await System.PostEnvelopeAsync(StudentInfo, Students(hostile, held, "张丽"), hostile.BusinessToken));
        var newcomer = TestIds.IdNumber();
        var classCode = TestIds.Code();

        var byStudentInfo = await System.PostEnvelopeAsync(StudentInfo, Students(hostile, [held[0], newcomer], "张丽"), hostile.BusinessToken);
        var byRoster = await System.PostEnvelopeAsync(PushClass, hostile.ClassBody(classCode, (held[1], TestIds.Code("s"), "王芳"), (newcomer, TestIds.Code("s"), "刘洋")), hostile.BusinessToken);

        EnvelopeAssert.Code("1311", byStudentInfo);
        EnvelopeAssert.Names("data: this platform holds 3 people and may hold at most 3", byStudentInfo);
        EnvelopeAssert.Code("1311", byRoster);
        EnvelopeAssert.Names("thirdClassStudentInfoVoList: this platform holds 3 people", byRoster);
        Assert.Null(await System.Grains.GetGrain<IStudentGrain>(System.PersonKeys.Of(newcomer)).Describe());
        Assert.Null(await System.Grains.GetGrain<IClassGrain>(classCode).Describe());
        Assert.Equal("张丽", (await System.Grains.GetGrain<IStudentGrain>(System.PersonKeys.Of(held[0])).Describe())?.Name);

        // What it holds still updates and makes classes; another platform registers the newcomer as its own.
        EnvelopeAssert.Code("0", await System.PostEnvelopeAsync(StudentInfo, Students(hostile, [held[0]], "张丽丽"), hostile.BusinessToken));
        EnvelopeAssert.Code("0", await System.PostEnvelopeAsync(PushClass, hostile.ClassBody(classCode, (held[1], TestIds.Code("s"), "王芳")), hostile.BusinessToken));
        EnvelopeAssert.Code("0", await System.PostEnvelopeAsync(StudentInfo, Students(other, [newcomer], "刘洋"), other.BusinessToken));
        Assert.Equal("刘洋", (await System.Grains.GetGrain<IStudentGrain>(System.PersonKeys.Of(newcomer)).Describe())?.Name);
    }

    private static string[] Cards(int count) => Enumerable.Range(0, count).Select(_ => TestIds.IdNumber()).ToArray();

    private static object[] Students(Platforms platforms, IEnumerable<string> cards, string name) => cards
        .Select(card => (object)new { studyPlatformApiUrl = platforms.LearningUrl, stuCode = TestIds.Code("s"), stuName = name, stuCard = card, mobile = "13800000000" })
        .ToArray();

    private static object Teacher(Platforms platforms, string teaCode, string name) =>
        new { studyPlatformApiUrl = platforms.LearningUrl, teaCode, teaName = name, orgCode = "org1", teaCard = TestIds.IdNumber(), mobile = "13800000000" };

    private static object Package(Platforms platforms, string courseCode, string name) => new
    {
        studyPlatformCode = platforms.LearningCode,
        courseName = name,
        courseCode,
        workName = "电工",
        courseStatus = "0",
        chapterList = new[]
        {
            new
            {
                chapterName = "第一章", chapterCode = "ch1", parentChapterCode = "", chapterSort = 1,
                sectionList = new[] { new { sectionName = "第一节", sectionCode = "se1", sectionSort = "1", sectionSourceList = new[] { new { resName = "视频", resCode = courseCode + "-r1", resSort = 1, duration = "1800" } } } },
            },
        },
    };

    private static object Submission(Platforms platforms, string name) => new
    {
        studyPlatformApiUrl = platforms.LearningUrl,
        courseName = name,
        coursePoster = "http://img.example.test/p.jpg",
        sectionList = new[] { new { sectionName = "第一章", sectionSort = "1", sectionSourceList = new[] { new { chapterName = "第一节", videoUrl = "http://v.example.test/1.mp4", chapterSort = "1", duration = "1800" } } } },
    };

    public sealed class LowBounds : IAsyncLifetime
    {
        public SupervisionCluster System { get; } = new()
        {
            Silos = 1,
            SiloSettings = new()
            {
                ["Supervision:Intake:MaxPeoplePerRequest"] = "3",
                ["Supervision:Intake:PeoplePerBusinessPlatform"] = "3",
                ["Supervision:Intake:TeachersPerBusinessPlatform"] = "2",
                ["Supervision:Intake:CoursesPerPlatform"] = "2",
            },
        };

        public Task InitializeAsync() => System.InitializeAsync();

        public Task DisposeAsync() => System.DisposeAsync();
    }
}
