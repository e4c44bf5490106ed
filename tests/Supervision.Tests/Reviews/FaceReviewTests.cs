using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Supervision.Grains.Delivery;
using Supervision.TestFaces;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Reviews;

/// <summary>
/// A reviewer's decision on a face check, through the operator API: "not the same person" takes back what the
/// check's pass let the video earn and stops it earning until the next pass; "same person" changes nothing.
/// The class asks for a face check every five minutes of play, valid for one minute.
/// </summary>
public sealed class FaceReviewTests(ReviewSystem review, PhotoServer photos) : IClassFixture<ReviewSystem>, IClassFixture<PhotoServer>
{
    private static readonly object FaceEveryFiveMinutes = new { videoOnHook = 2, faceTimeLimit = 1, videoOnHookDetail = new { triggerType = 1, triggervValue = 5 } };

    private SupervisionCluster System => review.System;

    [Fact]
    public async Task Someone_else_passing_the_check_loses_the_credit_it_let_through_and_earns_nothing_until_the_next_pass()
    {
        var (learner, underPass, before, photoId) = await PassedByAnotherFaceAsync();

        var decided = await DecideAsync(photoId, "not_the_same_person", "审核员 王");

        EnvelopeAssert.Code("0", decided);
        Assert.Equal(120, underPass);
        Assert.Equal(underPass, (int)decided["returnData"]!["voidedSeconds"]!);
        Assert.Equal("审核员 王", (string?)decided["returnData"]!["operator"]);
        Assert.Equal(before - underPass, await learner.StudyRecordAsync());
        Assert.Contains("face_review_rejected", await learner.AnomalyKindsAsync());
        var timeline = await TimelineAsync(learner);
        var voided = timeline.Single(e => (string?)e["kind"] == "credit_voided");
        Assert.Equal(underPass, (int)voided["details"]!["voidedSeconds"]!);
        var reviewed = timeline.Single(e => (string?)e["kind"] == "face_review");
        Assert.Equal("审核员 王", (string?)reviewed["details"]!["operator"]);
        Assert.Equal("same", (string?)reviewed["details"]!["machineDecision"]);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(FacePhotos.Registered)).ToLowerInvariant(), (string?)reviewed["details"]!["referenceDigest"]);
        Assert.DoesNotContain(await QueueAsync(learner), item => (long)item["photoId"]! == photoId);
        var resent = await DecideAsync(photoId, "not_the_same_person", "审核员 王");
        Assert.Equal(decided["returnData"]!.ToJsonString(), resent["returnData"]!.ToJsonString());
        Assert.Equal(before - underPass, await learner.StudyRecordAsync());

        // Still under the rejected pass: played, not earned. A new pass ends it.
        var stillRejected = (await learner.PlayMinutesAsync(1, 420))[0];
        EnvelopeAssert.Code("0", stillRejected);
        Assert.Equal(0, Learner.Credited(stillRejected));
        await PassAsync(learner, minute: 2);
        Assert.Equal(60, Learner.Credited((await learner.PlayMinutesAsync(1, 480))[0]));
        Assert.Equal(before - underPass + 60, await learner.StudyRecordAsync());
    }

    [Fact]
    public async Task A_rejection_the_student_class_could_not_take_at_once_reaches_it_from_the_outbox_with_no_second_decision()
    {
        var (learner, underPass, before, photoId) = await PassedByAnotherFaceAsync();

        // The decision is committed with its message; the student-class's commit of the rejection fails.
        JsonObject decided;
        await using (await InjectedFault.RefuseAsync(System.ConnectionString, "refuse_rejection_" + learner.ClassCode.ToLowerInvariant().Replace('-', '_'), "anomalies",
            $"NEW.kind = 'face_review_rejected' AND NEW.class_code = '{learner.ClassCode}'"))
        {
            decided = await DecideAsync(photoId, "not_the_same_person", "审核员 王");
        }

        var creditWhileFailing = await learner.StudyRecordAsync();

        // Nobody decides again: once the sender's grace has passed, the dispatcher delivers the committed rejection.
        System.Clock.Advance(GrainMessages.HandOverGrace + TimeSpan.FromSeconds(1));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await learner.StudyRecordAsync() == before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        EnvelopeAssert.Code("0", decided);
        Assert.Equal(120, underPass);
        Assert.Equal(before, creditWhileFailing);
        Assert.Equal(before - underPass, await learner.StudyRecordAsync());
        Assert.Single(await learner.AnomalyKindsAsync(), kind => kind == "face_review_rejected");
        Assert.Equal(1, await Ledger.CountAsync(System, "SELECT count(*) FROM deliveries WHERE dedup_key = @k AND status = 'delivered'", ("k", $"rejection:{photoId}")));
    }

    [Fact]
    public async Task The_same_person_confirmed_changes_nothing_and_a_decision_is_taken_once()
    {
        var learner = await RegisteredLearnerAsync();
        await learner.PlayMinutesAsync(5);
        var bizCode = await PassAsync(learner, minute: 1);
        await learner.PlayMinutesAsync(1, 300);
        var before = await learner.StudyRecordAsync();
        var photoId = await PendingPhotoAsync(learner, bizCode);

        var confirmed = await DecideAsync(photoId, "same_person", "reviewer-1");
        var again = await DecideAsync(photoId, "same_person", "reviewer-1");
        var contrary = await DecideAsync(photoId, "not_the_same_person", "reviewer-2");

        EnvelopeAssert.Code("0", confirmed);
        Assert.Equal(0, (int)confirmed["returnData"]!["voidedSeconds"]!);
        Assert.Equal(confirmed["returnData"]!.ToJsonString(), again["returnData"]!.ToJsonString());
        EnvelopeAssert.Code("1208", contrary);
        Assert.Contains("reviewer-1", (string)contrary["returnMsg"]!);
        Assert.Equal(before, await learner.StudyRecordAsync());
        Assert.Equal(60, Learner.Credited((await learner.PlayMinutesAsync(1, 360))[0]));
        Assert.Empty(await learner.AnomalyKindsAsync());
        Assert.Single(await TimelineAsync(learner), e => (string?)e["kind"] == "face_review");
    }

    [Fact]
    public async Task A_rejected_photo_that_never_passed_voids_nothing_and_is_still_an_anomaly()
    {
        var learner = await RegisteredLearnerAsync();
        await learner.PlayMinutesAsync(5);
        var bizCode = await learner.GetFaceCheckAsync();
        Assert.Equal(2, (int)(await learner.SubmitFaceAsync(bizCode, FacePhotos.Astronaut))["returnData"]!["result"]!);
        var before = await learner.StudyRecordAsync();

        var decided = await DecideAsync(await PendingPhotoAsync(learner, bizCode), "not_the_same_person", "reviewer-1");

        EnvelopeAssert.Code("0", decided);
        Assert.Equal(0, (int)decided["returnData"]!["voidedSeconds"]!);
        Assert.Equal(before, await learner.StudyRecordAsync());
        Assert.Contains("face_review_rejected", await learner.AnomalyKindsAsync());
        Assert.DoesNotContain(await TimelineAsync(learner), e => (string?)e["kind"] == "credit_voided");
    }

    [Fact]
    public async Task A_bad_decision_or_an_unknown_photo_is_refused_and_changes_nothing()
    {
        var learner = await RegisteredLearnerAsync();
        await learner.PlayMinutesAsync(5);
        var photoId = await PendingPhotoAsync(learner, await PassAsync(learner, minute: 1));

        var unknownDecision = await DecideAsync(photoId, "maybe", "reviewer-1");
        var unknownPhoto = await DecideAsync(987_654_321, "same_person", "reviewer-1");

        EnvelopeAssert.Code("1003", unknownDecision);
        EnvelopeAssert.Names("decision", unknownDecision);
        EnvelopeAssert.Code("1003", unknownPhoto);
        EnvelopeAssert.Names("photoId", unknownPhoto);
        Assert.Contains(await QueueAsync(learner), item => (long)item["photoId"]! == photoId);
        Assert.DoesNotContain(await TimelineAsync(learner), e => (string?)e["kind"] == "face_review");
    }

    /// <summary>A learner who passed a check at minute 1 with a photo now waiting for review, then played 2 minutes under that pass.</summary>
    private async Task<(Learner Learner, int UnderPass, long? Before, long PhotoId)> PassedByAnotherFaceAsync()
    {
        var learner = await RegisteredLearnerAsync();
        await learner.PlayMinutesAsync(5);
        var bizCode = await PassAsync(learner, minute: 1);
        var underPass = (await learner.PlayMinutesAsync(2, 300)).Sum(Learner.Credited);
        return (learner, underPass, await learner.StudyRecordAsync(), await PendingPhotoAsync(learner, bizCode));
    }

    private async Task<Learner> RegisteredLearnerAsync()
    {
        var learner = await Learner.EnrolAsync(System, FaceEveryFiveMinutes, firstVideoSeconds: 3600);
        await learner.SetPhotoAsync(photos.Publish(FacePhotos.Registered));
        EnvelopeAssert.Code("0", await learner.StartAsync());
        return learner;
    }

    /// <summary>A live capture of the registered person: the comparer passes it.</summary>
    private static async Task<string> PassAsync(Learner learner, int minute)
    {
        var bizCode = await learner.GetFaceCheckAsync();
        var judged = await learner.SubmitFaceAsync(bizCode, FacePhotos.LiveCapture(minute));
        Assert.Equal(1, (int)judged["returnData"]!["result"]!);
        return bizCode;
    }

    private async Task<long> PendingPhotoAsync(Learner learner, string bizCode) =>
        (long)(await QueueAsync(learner)).Single(item => (string?)item["bizCode"] == bizCode && (string?)item["studentUserCode"] == learner.StudentUserCode)["photoId"]!;

    private Task<List<JsonNode>> QueueAsync(Learner learner) => OperatorReads.ItemsAsync(System, $"classCode={learner.ClassCode}");

    private async Task<List<JsonNode>> TimelineAsync(Learner learner) =>
        (await System.AdminAsync(HttpMethod.Get, $"/admin/classes/{learner.ClassCode}/students/{learner.StudentUserCode}/timeline"))["returnData"]!.AsArray().Select(e => e!).ToList();

    /// <summary>The decision of the reviewer account <paramref name="reviewer"/> (made if it does not exist); a forged X-Operator header rides along and must change nothing.</summary>
    private async Task<JsonObject> DecideAsync(long photoId, string decision, string reviewer)
    {
        await System.SignInAsync(reviewer, "reviewer");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/admin/face-reviews/{photoId}?decision={decision}");
        await System.AuthorizeAsync(request, reviewer);
        request.Headers.Add("X-Operator", "someone-else");
        using var response = await System.Http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
