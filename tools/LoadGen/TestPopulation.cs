using System.Text.Json.Nodes;

namespace Supervision.LoadGen;

/// <summary>The platforms, classes and learners of one run, named after the run so runs never collide.</summary>
public sealed class TestPopulation(string run, LoadOptions options)
{
    public const string CourseCode = "loadgen-course";
    public const string ResCode = "loadgen-video";

    public string LearningCode => $"lg-lp-{run}";

    public string LearningUrl => options.PlatformUrl ?? $"http://{LearningCode}.loadgen.test/api";

    public string BusinessCode => $"lg-bp-{run}";

    /// <summary>
    /// The run's platforms' password: derived from the operator's secret (the admin key, or the operator account's
    /// password when LoadGen logs in as one), so a later run with --provision no logs in again, and nobody without that
    /// secret (anyone who read this file) can log in as the demo's platforms.
    /// </summary>
    public string PlatformPassword => Convert.ToHexString(System.Security.Cryptography.HMACSHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(options.AdminKey is { Length: > 0 } key ? key : Environment.GetEnvironmentVariable("SUPERVISION_OPERATOR_PASSWORD") ?? ""),
        System.Text.Encoding.UTF8.GetBytes("loadgen platforms " + run)))[..32];

    public IReadOnlyList<SimulatedLearner> Learners { get; } = Enumerable.Range(0, options.Learners)
        .Select(i => new SimulatedLearner($"lg-{run}-c{i / options.ClassSize}", $"lg-{run}-s{i}", i % options.Urls.Count)
        {
            // Spread evenly: learner i cheats when the running share of cheaters passes a whole number at i.
            Cheats = Math.Floor((i + 1) * options.Cheaters) > Math.Floor(i * options.Cheaters),
        })
        .ToList();

    public IEnumerable<IGrouping<string, SimulatedLearner>> Classes => Learners.GroupBy(l => l.ClassCode);

    public JsonObject ClassBody(IGrouping<string, SimulatedLearner> members) => new()
    {
        ["studyPlatformApiUrl"] = LearningUrl,
        ["classCode"] = members.Key,
        ["trainClassName"] = "load test",
        ["orgCode"] = "loadgen",
        ["orgName"] = "loadgen",
        ["thirdClassCourseInfoVoList"] = new JsonArray(new JsonObject
        {
            ["courseCode"] = CourseCode,
            ["children"] = new JsonArray(new JsonObject
            {
                ["chapterCode"] = "loadgen-chapter",
                ["children"] = new JsonArray(new JsonObject { ["resCode"] = ResCode, ["videoTimeLength"] = 600_000 }),
            }),
        }),
        ["thirdClassStudentInfoVoList"] = new JsonArray(members.Select(l => (JsonNode)new JsonObject
        {
            ["cardNo"] = IdNumber(int.Parse(l.StudentUserCode[(l.StudentUserCode.LastIndexOf('s') + 1)..])),
            ["studentCode"] = l.StudentUserCode,
            ["studentName"] = "学员",
        }).ToArray()),
    };

    public JsonObject Study(SimulatedLearner learner) => new()
    {
        ["studyPlatformCode"] = LearningCode,
        ["resCode"] = ResCode,
        ["studentUserCode"] = learner.StudentUserCode,
        ["classCode"] = learner.ClassCode,
        ["courseCode"] = CourseCode,
    };

    /// <summary>
    /// A well-formed ID number per learner: a birth date per thousand, a serial within it, and a region of the run's
    /// own. Each run is other people: a person still studying live from an earlier run (on that run's platform) would
    /// refuse this run's start on another platform (1309).
    /// </summary>
    private string IdNumber(int index)
    {
        var region = BitConverter.ToUInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(run))) % 10_000;
        var birth = new DateOnly(1970, 1, 1).AddDays(index / 1000);
        var body = $"11{region:D4}{birth:yyyyMMdd}{index % 1000:D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
