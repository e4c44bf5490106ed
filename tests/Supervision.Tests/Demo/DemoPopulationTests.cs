using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Supervision.DemoPopulation;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Demo;

/// <summary>
/// scripts/demo.sh's population, set up and played by its own tool (tools/DemoPopulation) against the real front for
/// the smallest population, on the test clock, and read back as the operator reads it through /admin: named classes
/// with course trees of 20–45 minute videos, learners with names, each cheat pattern's anomaly on its cheater, photos
/// waiting for review, and honest learners who earned every second they reported, passed their checks and raised nothing.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed partial class DemoPopulationTests(DemoPopulationSystem demo)
{
    private SupervisionCluster System => demo.System;

    private Population Population => demo.Population;

    private IReadOnlyDictionary<DemoLearner, string> Outcomes => demo.Outcomes;

    [Fact]
    public async Task The_operator_sees_named_classes_of_two_organisations_with_course_trees_of_20_to_45_minute_videos_and_named_learners()
    {
        var page = await ReturnDataAsync("/admin/classes?limit=200");
        var listed = page["classes"]!.AsArray().Select(c => (Code: (string)c!["classCode"]!, Name: (string)c["trainClassName"]!)).ToList();
        Assert.Equal(4, listed.Count);
        Assert.Contains(("HD-DYDG-202603", "低压电工作业 2026年第3期"), listed);
        Assert.Contains(("HD-GCZY-202603", "高处作业 2026年第3期"), listed);
        Assert.Contains(("BJ-HJRQ-202603", "焊接与热切割作业 2026年第3期"), listed);
        Assert.Contains(("BJ-ZYFZR-202603", "生产经营单位主要负责人安全培训 2026年第3期"), listed);

        foreach (var (code, _) in listed)
        {
            var view = await ReturnDataAsync($"/admin/classes/{code}");
            Assert.Equal("approved", (string?)view["approval"]);
            var chapters = view["courses"]!.AsArray().Single()!["chapters"]!.AsArray();
            Assert.True(chapters.Count >= 2, $"{code} has {chapters.Count} chapters");
            Assert.All(chapters, chapter =>
            {
                Assert.StartsWith("第", (string?)chapter!["title"]);
                var videos = chapter["resources"]!.AsArray();
                Assert.NotEmpty(videos);
                Assert.All(videos, v => Assert.InRange((int)v!["durationSeconds"]!, 20 * 60, 45 * 60));
            });
            var students = view["students"]!.AsArray();
            Assert.NotEmpty(students);
            Assert.All(students, s =>
            {
                Assert.Matches(ChineseName(), (string?)s!["studentName"]);
                Assert.True(IsWellFormed((string)s["cardNo"]!), $"{s["cardNo"]} has a wrong check digit");
            });
        }

        var platforms = (await ReturnDataAsync("/admin/platforms")).AsArray().Select(p => (string)p!["name"]!).ToList();
        Assert.Equal(new[] { "华东安全生产培训中心", "匠心职培云课堂", "安学在线职业培训平台", "滨江职业技能培训学校" }.Order(), platforms.Order());
    }

    [Fact]
    public async Task A_second_run_on_the_same_data_is_the_next_intake_of_new_people()
    {
        var next = new Population(Population.MinimumLearners, "http://demo-platforms.example.test", await Provisioning.NextIntakeAsync(demo.Client));

        Assert.Equal(Population.FirstIntake + 1, next.Intake);
        Assert.Equal("低压电工作业 2026年第4期", next.Classes[0].Name);
        Assert.Empty(next.Classes.Select(c => c.ClassCode).Intersect(Population.Classes.Select(c => c.ClassCode)));
        Assert.Empty(next.Learners.Select(l => l.Person.CardNo).Intersect(Population.Learners.Select(l => l.Person.CardNo)));
        Assert.Empty(next.Learners.Select(l => l.StudentUserCode).Intersect(Population.Learners.Select(l => l.StudentUserCode)));
    }

    [Theory]
    [InlineData(CheatPattern.SpeedsTheClock, "progress_ahead_of_clock")]
    [InlineData(CheatPattern.JumpsToTheEnd, "position_jump")]
    [InlineData(CheatPattern.JumpsToTheEnd, "end_after_jump")]
    [InlineData(CheatPattern.StudiesOnTwoPlatforms, "live_on_another_platform")]
    [InlineData(CheatPattern.StudiesTwoClasses, "concurrent_session")]
    [InlineData(CheatPattern.StudiesTwoClasses, "closed_session_report")]
    [InlineData(CheatPattern.RestartsRapidly, "rapid_restarts")]
    [InlineData(CheatPattern.AnswersCodesLikeABot, "check_answer_bot")]
    [InlineData(CheatPattern.ReplaysABizCode, "biz_code_replayed")]
    [InlineData(CheatPattern.SwapsThePhoto, "photo_changed_after_study")]
    [InlineData(CheatPattern.SendsTheRegisteredPhoto, "face_photo_replayed")]
    [InlineData(CheatPattern.SendsSomeoneElse, "face_mismatch")]
    public async Task Each_cheat_pattern_shows_its_anomaly_on_its_cheater(CheatPattern pattern, string kind)
    {
        var cheater = Population.Learners.First(l => l.Pattern == pattern && Outcomes.ContainsKey(l));
        var enrolments = new[] { cheater, cheater.OtherEnrolment }.OfType<DemoLearner>().ToList();
        var anomalies = await AnomaliesAsync(kind);
        // A photo belongs to the person, not a class: its anomaly names the student and no class.
        Assert.Contains(anomalies, a => enrolments.Any(e => (string?)a["studentUserCode"] == e.StudentUserCode && ((string?)a["classCode"] ?? e.Class.ClassCode) == e.Class.ClassCode));
    }

    [Fact]
    public async Task The_poor_webcams_pass_and_refusal_wait_in_the_face_review_queue()
    {
        var queue = await ReturnDataAsync("/admin/face-reviews?pageSize=100");
        var items = queue["items"]!.AsArray().Select(i => i!).ToList();
        foreach (var (pattern, decision) in new[] { (CheatPattern.BorderlinePass, "same"), (CheatPattern.BorderlineRefusal, "different") })
        {
            var learner = Population.Learners.Single(l => l.Pattern == pattern);
            var item = Assert.Single(items, i => (string?)i["studentUserCode"] == learner.StudentUserCode);
            Assert.Equal(decision, (string?)item["machineDecision"]);
        }
    }

    [Fact]
    public async Task Honest_learners_raise_nothing_earn_every_second_they_reported_and_pass_their_checks()
    {
        var honest = Population.Learners.Where(l => l.Pattern == CheatPattern.None).ToList();
        Assert.True(honest.Count >= 8, $"{honest.Count} honest learners");
        var anomalies = await AnomaliesAsync(null);
        foreach (var learner in honest)
        {
            Assert.DoesNotContain(anomalies, a => (string?)a["classCode"] == learner.Class.ClassCode && (string?)a["studentUserCode"] == learner.StudentUserCode);
            var row = (await ReturnDataAsync($"/admin/classes/{learner.Class.ClassCode}/students")).AsArray()
                .Single(r => (string?)r!["studentUserCode"] == learner.StudentUserCode)!;
            Assert.True(learner.ReportedSeconds >= 12 * 60, $"{learner.StudentUserCode} reported {learner.ReportedSeconds} s");
            Assert.Equal(learner.ReportedSeconds, (long)row["totalCredited"]!);
        }

        // Checks fall due after 5 and 8 minutes of pop-up-code classes and 10 of the face class that comes first; each honest learner passed them.
        foreach (var learner in honest.Where(l => l.Class.Kind.CheckMinutes <= 10))
        {
            var checks = (await ReturnDataAsync($"/admin/classes/{learner.Class.ClassCode}/students/{learner.StudentUserCode}/checks")).AsArray();
            var passed = checks.Where(c => (string?)c!["kind"] == "check_passed").Select(c => (string?)c!["details"]!["kind"]).ToList();
            Assert.Contains(learner.Class.Kind.VideoOnHook == 2 ? "face" : "code", passed, StringComparer.OrdinalIgnoreCase);
        }
    }

    private async Task<List<JsonNode>> AnomaliesAsync(string? kind) =>
        [.. (await ReturnDataAsync($"/admin/anomalies?limit=5000{(kind is null ? "" : "&kind=" + kind)}")).AsArray().Select(a => a!)];

    private async Task<JsonNode> ReturnDataAsync(string path)
    {
        var answer = await System.AdminAsync(HttpMethod.Get, path);
        EnvelopeAssert.Code("0", answer);
        return answer["returnData"]!;
    }

    private static bool IsWellFormed(string cardNo) => cardNo.Length == 18 && IdNumbers.CheckDigit(cardNo[..17]) == cardNo[17];

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}{2,3}$")]
    private static partial Regex ChineseName();
}
