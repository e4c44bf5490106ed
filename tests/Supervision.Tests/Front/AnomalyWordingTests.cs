using System.Text.Json;
using System.Text.Json.Nodes;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Evidence.Details;
using Supervision.Tests.Infrastructure;
using Supervision.WebFront.Apis;

namespace Supervision.Tests.Front;

/// <summary>
/// Anomalies in words, read from their typed details. The details below have the shapes the grains write (ReportCredit,
/// StudyGates, StudentClassGrain, StudentClassChange, ChallengeGrain, ClassGrain); the end-to-end test reads one the real code wrote.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AnomalyWordingTests(SupervisionCluster system)
{
    private static readonly Dictionary<string, object> Shapes = new()
    {
        [AnomalyKind.ProgressAheadOfClock] = new { claimed = 600, accepted = 15, bankSeconds = 0, bankCapSeconds = 600, toleranceSeconds = 5, silentSeconds = 70 },
        [AnomalyKind.PositionJump] = new { from = 120, to = 900, played = 60, jumpSeconds = 720 },
        [AnomalyKind.ClosedSessionReport] = new { endedAt = "2026-03-01T01:02:03Z", endReason = "superseded", claimed = 61, playTime = 300 },
        [AnomalyKind.ConcurrentSession] = new { otherClassCode = "class-b", otherStartedAt = "2026-03-01T01:02:03Z", lastActiveAt = "2026-03-01T01:01:33Z" },
        [AnomalyKind.EndAfterJump] = new { lastPlayTime = 1674, lastReportAt = "2026-03-01T01:02:03Z" },
        [AnomalyKind.AfterDailyLimit] = new { todayCredited = 28800, limitSeconds = 28800, claimed = 62 },
        [AnomalyKind.MissingRecording] = new { startedAt = "2026-03-01T01:00:00Z", endedAt = "2026-03-01T02:00:00Z" },
        [AnomalyKind.PhotoChangedAfterStudy] = new { previous = "https://a/1.jpg", current = "https://a/2.jpg", record = "bp-1", changedBy = "lp-1", studyBeganAt = "2026-03-01T01:02:03Z" },
        [AnomalyKind.CheckOverdue] = new { dueSince = "2026-03-01T01:00:00Z", deadline = "2026-03-01T01:01:00Z", reached = 183, claimed = 64 },
        [AnomalyKind.BizCodeReplayed] = Attempt(),
        [AnomalyKind.BizCodeExpired] = Attempt(),
        [AnomalyKind.BizCodeForeign] = Attempt(),
        [AnomalyKind.FacePhotoReplayed] = Attempt(new { decision = "replayed", score = 0.12, threshold = 0.6, photoId = 7, replayOf = 5, copies = "check_photo", copyLikeness = 0.98 }),
        [AnomalyKind.FaceMismatch] = Attempt(new { decision = "different", score = 0.873, threshold = 0.6, photoId = 7, replayOf = (long?)null, copies = (string?)null, copyLikeness = (double?)null }),
        [AnomalyKind.RapidRestarts] = new { starts = 5, windowSeconds = 60 },
        [AnomalyKind.ClaimPastDueCheck] = new { claimed = 65, countedPastDue = 40, refusedPastDue = 25, validitySeconds = 60 },
        [AnomalyKind.RosterIdentityChanged] = new { studentUserCode = "stu-1", previousCardNo = "110***********03X", cardNo = "110***********12X" },
        [AnomalyKind.FaceReviewRejected] = new { bizCode = "b1", photoId = 42, voidedSeconds = 120, reviewer = "王", reviewedAt = "2026-03-01T01:02:03Z" },
        [AnomalyKind.PolicyWeakeningProposed] = new { action = "held", by = "bp-1", weakerIn = new[] { "videoOnHook", "studyHourLimit" }, current = new { videoOnHook = 2 }, proposed = new { videoOnHook = 0 } },
        [AnomalyKind.LiveOnAnotherPlatform] = new { otherClassCode = "class-b", otherPlatformCode = "lp-2", otherStartedAt = "2026-03-01T01:02:03Z" },
        [AnomalyKind.CheckAnswerBot] = new
        {
            flagId = "0193a8f2-0000-7000-8000-000000000001", since = "2026-03-01T01:01:01Z", reason = "fast", answersMs = new[] { 310, 290, 305 }, fast = 3,
            floorMs = 1500, variation = 0.033, bizCodes = new[] { "b3", "b2", "b1" },
        },
        [AnomalyKind.CrowdLockstep] = new
        {
            flagId = "0193a8f2-0000-7000-8000-000000000002", since = "2026-03-01T01:01:00Z", until = "2026-03-01T01:13:00Z", coincidences = 12, answerCoincidences = 2,
            companions = new[] { "class-a/stu-2", "class-a/stu-3" }, deviceIds = new[] { "hire-pc" },
        },
    };

    [Fact]
    public void A_closed_sessions_reason_is_said_in_words_not_its_code()
    {
        var (zh, en) = Describe(AnomalyKind.ClosedSessionReport, JsonSerializer.SerializeToElement(
            new { endedAt = "2026-03-01T01:02:03Z", endReason = "other_class", claimed = 61, playTime = 300 }));

        Assert.Contains("关闭（本人在其他班级开始学习）", zh);
        Assert.Contains("(the same person started in another class)", en);
        Assert.DoesNotContain("other_class", zh + en);
    }

    [Fact]
    public void Every_kind_has_a_sentence_in_both_languages_that_carries_its_numbers()
    {
        Assert.Equal(AnomalyKind.All.Order(), Shapes.Keys.Order());
        foreach (var (kind, shape) in Shapes)
        {
            var details = JsonSerializer.SerializeToElement(shape);
            Assert.True(DetailsJson.ReadAnomaly(kind, details.GetRawText()) is not null, $"{kind}: the shape does not read as its record");
            var (zh, en) = Describe(kind, details);
            Assert.DoesNotContain(kind, zh + en);
            foreach (var number in Numbers(details).Where(n => !IsUnused(kind, n)))
            {
                Assert.Contains(number, zh);
                Assert.Contains(number, en);
            }
        }

        var (chinese, english) = Describe(AnomalyKind.ProgressAheadOfClock, JsonSerializer.SerializeToElement(Shapes[AnomalyKind.ProgressAheadOfClock]));
        Assert.StartsWith("claimed 600 s, 15 s accepted: only 70 s had passed", english);
        Assert.StartsWith("声称学习 600 秒，仅认可 15 秒", chinese);
        Assert.Contains("2026-03-01 09:02:03", Describe(AnomalyKind.EndAfterJump, JsonSerializer.SerializeToElement(Shapes[AnomalyKind.EndAfterJump])).En);
    }

    [Fact]
    public void Details_missing_a_number_or_of_another_shape_still_give_the_kinds_plain_sentence()
    {
        foreach (var details in new[] { "{}", "{\"claimed\":\"six hundred\"}", "[]", "null", "{\"claimed\":{\"x\":1}}" })
        {
            var (zh, en) = Describe(AnomalyKind.ProgressAheadOfClock, JsonDocument.Parse(details).RootElement);
            Assert.Equal("anomaly: Progress ahead of the clock", en);
            Assert.Equal("异常：进度超过时钟", zh);
        }

        Assert.Equal("anomaly: a_kind_from_the_future", Describe("a_kind_from_the_future", JsonDocument.Parse("{}").RootElement).En);
    }

    [Fact]
    public async Task A_cheating_report_is_answered_in_words_whose_numbers_are_its_details()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        await learner.StartAsync();
        await learner.PlayMinutesAsync(1);
        system.Clock.Advance(TimeSpan.FromSeconds(10));
        await learner.ReportAsync(60 + 600, 600);

        var anomaly = (await system.AdminAsync(HttpMethod.Get, $"/admin/anomalies?classCode={learner.ClassCode}"))["returnData"]!.AsArray()
            .Single(a => (string?)a!["kind"] == AnomalyKind.ProgressAheadOfClock)!;
        var details = anomaly["details"]!;
        var en = (string)anomaly["words"]!["en"]!;
        var zh = (string)anomaly["words"]!["zh"]!;
        Assert.StartsWith($"claimed {(int)details["claimed"]!} s, {(int)details["accepted"]!} s accepted: only {(int)details["silentSeconds"]!} s had passed", en);
        Assert.StartsWith($"声称学习 {(int)details["claimed"]!} 秒，仅认可 {(int)details["accepted"]!} 秒", zh);
        Assert.Equal(600, (int)details["claimed"]!);
    }

    private static (string Zh, string En) Describe(string kind, JsonElement details) =>
        AnomalyWording.Describe(kind, DetailsJson.ReadAnomaly(kind, details.GetRawText()), SentenceNames.CodesOnly());

    private static object Attempt(object? face = null) =>
        new { bizCode = "0f3a9c", kind = "Face", attempts = 2, videoStudyTime = 300, message = (string?)null, face };

    /// <summary>Numbers a sentence leaves out on purpose: the bank's balance, a photo's own id, a position already named.</summary>
    private static bool IsUnused(string kind, string number) =>
        (kind, number) is (AnomalyKind.ProgressAheadOfClock, "0") or (AnomalyKind.ClosedSessionReport, "300")
        || (kind.StartsWith("biz_code_") || kind.StartsWith("face_")) && kind != AnomalyKind.FaceReviewRejected
        || kind == AnomalyKind.PolicyWeakeningProposed; // the policies' numbers: the sentence names the fields they weaken

    private static IEnumerable<string> Numbers(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Numbers(p.Value)),
        JsonValueKind.Number => [element.ToString()],
        _ => [],
    };
}
