using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Supervision.DemoPopulation;

/// <summary>
/// What happens before anyone studies, in the order it happens for real: the operator registers the platforms; each
/// learning platform logs in and pushes its catalogue (1.13); each training organisation registers its classes (2.4)
/// with their rosters and registered photos; the operator sets each class's checks and approves it (then 1.12 goes out).
/// </summary>
public sealed partial class Provisioning(DemoClient client, Population population, string photosUrl)
{
    public string RegisteredPhotoUrl => $"{photosUrl.TrimEnd('/')}/{FacePictures.RegisteredFile}";

    public async Task RunAsync()
    {
        foreach (var platform in population.Platforms)
        {
            DemoClient.Expect0($"register {platform.Code}", await client.AdminAsync(HttpMethod.Post, "/admin/platforms", new
            {
                code = platform.Code,
                name = platform.Name,
                role = platform.Role,
                account = platform.Account,
                password = platform.Password,
                apiBaseUrl = platform.ApiBaseUrl,
            }));
            await LogInAsync(platform);
        }

        foreach (var learning in population.Learning)
        {
            var catalogue = new JsonArray([.. population.Courses(learning).Select(c => (JsonNode)CataloguePackage(learning, c))]);
            DemoClient.Expect0($"1.13 from {learning.Code}", await client.PostAsync("/api/v1/thirdCoursePush", learning.Token, learning.Code, catalogue));
        }

        foreach (var @class in population.Classes)
        {
            DemoClient.Expect0($"2.4 {@class.ClassCode}", await client.PostAsync("/api/class/v1/pushClassInfo", @class.Business.Token, @class.Business.Code, ClassBody(@class)));
            DemoClient.Expect0($"policy of {@class.ClassCode}", await client.AdminAsync(HttpMethod.Put, $"/admin/classes/{@class.ClassCode}/policy", Policy(@class.Kind)));
            DemoClient.Expect0($"approve {@class.ClassCode}", await client.AdminAsync(HttpMethod.Post, $"/admin/classes/{@class.ClassCode}/approve", new { }));
        }
    }

    /// <summary>
    /// The first period no demo class of this year has yet: what the operator lists (GET /admin/classes, every page), so
    /// a run on data an earlier run left is that run's next intake.
    /// </summary>
    public static async Task<int> NextIntakeAsync(DemoClient client)
    {
        var taken = Population.FirstIntake - 1;
        for (var offset = 0; ; offset += 200)
        {
            var page = DemoClient.Expect0("list classes", await client.AdminAsync(HttpMethod.Get, $"/admin/classes?offset={offset}&limit=200"))["returnData"]!;
            var codes = page["classes"]!.AsArray().Select(c => (string)c!["classCode"]!).ToList();
            taken = codes.Select(c => DemoClassCode().Match(c)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Append(taken).Max();
            if (codes.Count < 200)
                return taken + 1;
        }
    }

    // The codes Population gives its classes: organisation, kind, year (Population.Year), period.
    [GeneratedRegex(@"^(?:HD|BJ)-[A-Z]+-2026(\d{2})$")]
    private static partial Regex DemoClassCode();

    /// <summary>1.1; tokens last two hours, so a long demo logs in again.</summary>
    public async Task LogInAsync(DemoPlatform platform)
    {
        var answer = await client.PostAsync("/api/v1/thlogin", null, platform.Code, new JsonObject { ["studyPlatformAcount"] = platform.Account, ["passWord"] = platform.Password });
        platform.Token = (string)DemoClient.Expect0($"log in as {platform.Code}", answer)["returnData"]!["acceptToken"]!;
    }

    /// <summary>The operator's checks for a class of this kind: a pop-up code or a face every few minutes of play, 8 hours a day at most.</summary>
    public static object Policy(ClassKind kind) => new
    {
        videoOnHook = kind.VideoOnHook,
        faceTimeLimit = 5,
        studyHourLimit = 8,
        videoOnHookDetail = new { triggerType = 1, triggervValue = kind.CheckMinutes },
    };

    private JsonObject ClassBody(DemoClass @class) => new()
    {
        ["studyPlatformApiUrl"] = @class.Learning.ApiBaseUrl,
        ["classCode"] = @class.ClassCode,
        ["trainClassName"] = @class.Name,
        ["orgCode"] = @class.Business.Code,
        ["orgName"] = @class.Business.Name,
        ["workName"] = @class.Kind.WorkName,
        ["thirdClassCourseInfoVoList"] = new JsonArray(new JsonObject
        {
            ["courseCode"] = @class.Course.CourseCode,
            ["title"] = @class.Course.Name,
            ["sort"] = 1,
            ["children"] = new JsonArray([.. @class.Course.Chapters.Select(chapter => (JsonNode)new JsonObject
            {
                ["chapterCode"] = chapter.ChapterCode,
                ["title"] = chapter.Title,
                ["sort"] = chapter.Sort,
                ["children"] = new JsonArray([.. chapter.Videos.Select(video => (JsonNode)new JsonObject
                {
                    ["resCode"] = video.ResCode,
                    ["resType"] = "TYPE_VIDEO",
                    ["sort"] = video.Sort,
                    ["title"] = video.Title,
                    ["videoUrl"] = VideoUrl(@class.Learning, video),
                    ["videoTimeLength"] = video.Seconds,
                })]),
            })]),
        }),
        ["thirdClassStudentInfoVoList"] = new JsonArray([.. @class.Roster.Select(l => (JsonNode)new JsonObject
        {
            ["cardNo"] = l.Person.CardNo,
            ["studentCode"] = l.StudentUserCode,
            ["studentName"] = l.Person.Name,
            ["studentPhone"] = l.Person.Phone,
            ["ercunPhotos"] = RegisteredPhotoUrl,
        })]),
    };

    private static JsonObject CataloguePackage(DemoPlatform learning, Course course) => new()
    {
        ["studyPlatformCode"] = learning.Code,
        ["courseCode"] = course.CourseCode,
        ["courseName"] = course.Name,
        ["workName"] = course.WorkName,
        ["courseStatus"] = 0,
        ["coursePoster"] = $"https://media.{learning.ShortCode.ToLowerInvariant()}.example.com/posters/{course.CourseCode}.jpg",
        ["chapterList"] = new JsonArray([.. course.Chapters.Select(chapter => (JsonNode)new JsonObject
        {
            ["chapterCode"] = chapter.ChapterCode,
            ["chapterName"] = chapter.Title,
            ["chapterSort"] = chapter.Sort,
            ["sectionList"] = new JsonArray([.. chapter.Videos.Select(video => (JsonNode)new JsonObject
            {
                ["sectionCode"] = video.ResCode + "-S",
                ["sectionName"] = video.Title,
                ["sectionSort"] = video.Sort,
                ["sectionSourceList"] = new JsonArray(new JsonObject
                {
                    ["resCode"] = video.ResCode,
                    ["resName"] = video.Title,
                    ["resSort"] = 1,
                    ["duration"] = video.Seconds,
                    ["videoUrl"] = VideoUrl(learning, video),
                }),
            })]),
        })]),
    };

    private static string VideoUrl(DemoPlatform learning, CourseVideo video) =>
        $"https://media.{learning.ShortCode.ToLowerInvariant()}.example.com/v/{video.ResCode}.mp4";
}
