using System.Text.Json;
using System.Text.Json.Nodes;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Intake;

/// <summary>
/// SPEC rule 13: what a business platform registers is its own. Written as the other platform would try it,
/// and as the owner and its learners go on.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OwnershipTests(SupervisionCluster system)
{
    [Fact]
    public async Task Another_platform_registering_the_same_person_keeps_its_own_record_and_its_name_check_opens_no_other_class()
    {
        var victim = await Learner.EnrolAsync(system, new { realNameAuthentication = 1 });
        var intruder = await Platforms.ProvisionAsync(system);
        EnvelopeAssert.Code("0", await RegisterAsync(intruder, victim.CardNo, "王五", "http://img.example.test/intruder.jpg"));

        var intrudersCheck = await system.PostEnvelopeAsync("/api/v1/authentication", new { studyPlatformCode = intruder.LearningCode, cardNo = victim.CardNo, name = "王五" }, intruder.LearningToken);
        await victim.StartAsync();
        var beforeOwnCheck = (await victim.PlayMinutesAsync(1))[0];
        var intrudersNameHere = await victim.AuthenticateAsync("王五");
        var ownCheck = await victim.AuthenticateAsync("张丽");
        var afterOwnCheck = (await victim.PlayMinutesAsync(1, 60))[0];

        EnvelopeAssert.Code("0", intrudersCheck);
        EnvelopeAssert.Code("1301", beforeOwnCheck);
        EnvelopeAssert.Code("1302", intrudersNameHere);
        EnvelopeAssert.Code("0", ownCheck);
        Assert.Equal(60, Learner.Credited(afterOwnCheck));
        var records = (await StudentAsync(victim))["records"]!.AsArray();
        var own = records.Single(r => (string?)r!["businessPlatformCode"] == victim.Platforms.BusinessCode)!;
        Assert.Equal(2, records.Count);
        Assert.Equal("张丽", (string?)own["name"]);
        Assert.Null((string?)own["ercunPhotoUrl"]);
    }

    [Fact]
    public async Task Another_business_platform_cannot_overwrite_a_course_registered_through_2_2_while_the_owner_updates_it()
    {
        var owner = await Platforms.ProvisionAsync(system);
        var intruder = await Platforms.ProvisionAsync(system);
        object Course(int seconds) => new
        {
            studyPlatformApiUrl = owner.LearningUrl,
            courseName = "焊工基础 " + owner.BusinessCode,
            sectionList = new[] { new { sectionName = "第一章", sectionSort = 1, sectionSourceList = new[] { new { chapterName = "第一节", chapterSort = 1, duration = seconds } } } },
        };
        var registered = await system.PostEnvelopeAsync("/api/course/v1/courseInfo", Course(50), owner.BusinessToken);
        var courseCode = (string)registered["returnData"]!["courseCode"]!;

        var overwrite = await system.PostEnvelopeAsync("/api/course/v1/courseInfo", Course(1), intruder.BusinessToken);
        var afterIntruder = await system.Grains.GetGrain<Supervision.Contracts.Courses.ICourseGrain>(courseCode).Describe();
        var update = await system.PostEnvelopeAsync("/api/course/v1/courseInfo", Course(70), owner.BusinessToken);
        var afterOwner = await system.Grains.GetGrain<Supervision.Contracts.Courses.ICourseGrain>(courseCode).Describe();

        EnvelopeAssert.Code("0", registered);
        EnvelopeAssert.Code("1206", overwrite);
        EnvelopeAssert.Names("courseName", overwrite);
        Assert.Equal(50, afterIntruder!.Package.Chapters.Single().Sections.Single().Resources.Single().DurationSeconds);
        EnvelopeAssert.Code("0", update);
        Assert.Equal(70, afterOwner!.Package.Chapters.Single().Sections.Single().Resources.Single().DurationSeconds);
    }

    [Fact]
    public async Task A_photo_changed_through_2_3_after_study_began_is_an_anomaly_as_through_1_11()
    {
        var learner = await Learner.EnrolAsync(system);
        EnvelopeAssert.Code("0", await RegisterAsync(learner.Platforms, learner.CardNo, "张丽", "http://img.example.test/before.jpg"));
        Assert.Empty(await PhotoAnomaliesAsync(learner));
        await learner.StartAsync();
        await learner.PlayMinutesAsync(1);

        EnvelopeAssert.Code("0", await RegisterAsync(learner.Platforms, learner.CardNo, "张丽", "http://img.example.test/after.jpg"));

        var anomaly = Assert.Single(await PhotoAnomaliesAsync(learner));
        Assert.EndsWith("after.jpg", (string?)anomaly["details"]!["current"]);
    }

    [Fact]
    public async Task The_operators_policy_wins_over_a_re_push_that_switches_the_checks_off()
    {
        var learner = await Learner.EnrolAsync(system, new { realNameAuthentication = 1, studyHourLimit = 1, videoOnHook = 1, videoStartFace = 1 });
        var repush = Repush(learner, learner.CardNo);
        foreach (var off in new[] { "realNameAuthentication", "studyHourLimit", "videoOnHook", "videoStartFace" })
        {
            repush[off] = 0;
        }

        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync("/api/class/v1/pushClassInfo", repush, learner.Platforms.BusinessToken));
        await learner.StartAsync();
        var report = (await learner.PlayMinutesAsync(1))[0];

        var policy = (await system.AdminAsync(HttpMethod.Get, $"/admin/classes/{learner.ClassCode}"))["returnData"]!["policy"]!;
        Assert.Equal([true, 1, 1, true], [(bool)policy["realNameAuthentication"]!, (int)policy["studyHourLimit"]!, (int)policy["videoOnHook"]!, (object)(bool)policy["videoStartFace"]!]);
        EnvelopeAssert.Code("1301", report);
    }

    [Fact]
    public async Task A_re_push_tying_a_student_code_to_another_person_moves_no_credit_is_recorded_and_needs_approving_again()
    {
        var earlier = await Learner.EnrolAsync(system);
        await earlier.StartAsync();
        await earlier.PlayMinutesAsync(2);
        var other = new Learner(system, earlier.Platforms, earlier.ClassCode, earlier.StudentUserCode, TestIds.IdNumber());

        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync("/api/class/v1/pushClassInfo", Repush(earlier, other.CardNo), earlier.Platforms.BusinessToken));
        var recordAfterRepush = await other.StudyRecordAsync();
        var startBeforeApproval = await other.StartAsync();
        EnvelopeAssert.Code("0", await system.AdminAsync(HttpMethod.Post, $"/admin/classes/{earlier.ClassCode}/approve"));
        EnvelopeAssert.Code("0", await other.StartAsync());
        var othersFirst = (await other.PlayMinutesAsync(1))[0];

        Assert.Null(recordAfterRepush);
        EnvelopeAssert.Code("1205", startBeforeApproval);
        Assert.Equal(60, (int)othersFirst["returnData"]!["resourceCredited"]!);
        Assert.Equal(60, await other.StudyRecordAsync());
        Assert.Equal(120, await Ledger.CountAsync(system, "SELECT coalesce(sum(credited), 0) FROM report_evidence WHERE class_code = @c AND card_no = @card",
            ("c", earlier.ClassCode), ("card", earlier.CardNo)));
        Assert.Contains("roster_identity_changed", await other.AnomalyKindsAsync());
    }

    [Fact]
    public async Task A_class_wide_read_in_a_loop_never_holds_up_its_learners_starting_and_reporting()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var classCode = TestIds.Code();
        var students = Enumerable.Range(0, 60).Select(i => (TestIds.IdNumber(), $"s{i}-{classCode[..6]}", "张丽")).ToArray();
        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync("/api/class/v1/pushClassInfo", platforms.ClassBody(classCode, 3600, students), platforms.BusinessToken));
        var learners = students.Select(s => new Learner(system, platforms, classCode, s.Item2, s.Item1)).ToList();

        using var reading = new CancellationTokenSource();
        var reads = Task.Run(async () =>
        {
            var answers = new List<JsonObject>();
            while (!reading.IsCancellationRequested)
            {
                answers.Add(await system.PostEnvelopeAsync("/api/class/v1/classStudentStudy", new { classCode }, platforms.BusinessToken));
            }

            return answers;
        });
        var starts = await Task.WhenAll(learners.Select(l => l.StartAsync()));
        system.Clock.Advance(TimeSpan.FromSeconds(60));
        var reports = await Task.WhenAll(learners.Select(l => l.ReportAsync(60, 60)));
        await reading.CancelAsync();

        Assert.All(starts, a => EnvelopeAssert.Code("0", a));
        Assert.All(reports, a => Assert.Equal(60, Learner.Credited(a)));
        Assert.All(await reads, a => EnvelopeAssert.Code("0", a));
    }

    private Task<JsonObject> RegisterAsync(Platforms platform, string cardNo, string name, string photo) =>
        system.PostEnvelopeAsync("/api/user/v1/studentInfo",
            new[] { new { studyPlatformApiUrl = platform.LearningUrl, stuCode = "s-" + cardNo[^4..], stuName = name, stuCard = cardNo, mobile = "13900000000", ercunPhotos = photo } },
            platform.BusinessToken);

    private async Task<JsonObject> StudentAsync(Learner learner) =>
        (await system.AdminAsync(HttpMethod.Get, $"/admin/students/{learner.CardNo}"))["returnData"]!.AsObject();

    private async Task<List<JsonNode>> PhotoAnomaliesAsync(Learner learner) =>
        (await system.AdminAsync(HttpMethod.Get, "/admin/anomalies?kind=photo_changed_after_study"))["returnData"]!.AsArray()
            .Where(a => (string?)a!["details"]!["record"] == learner.Platforms.BusinessCode && ((string?)a["details"]!["current"] ?? "").Contains("img.example.test"))
            .Select(a => a!).ToList();

    /// <summary>The class as its business platform pushed it, sent again with one student's ID number as given.</summary>
    private static JsonObject Repush(Learner learner, string cardNo) =>
        JsonSerializer.SerializeToNode(learner.Platforms.ClassBody(learner.ClassCode, (cardNo, learner.StudentUserCode, "张丽")))!.AsObject();
}
