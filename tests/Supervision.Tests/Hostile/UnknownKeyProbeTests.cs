using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Orleans.Runtime;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Hostile;

/// <summary>
/// A platform with a valid token sends keys nobody stored: random bizCodes (1.6, 1.8), random class and student
/// codes (1.3–1.10), random ID numbers (1.2, 1.11), random classes (2.5). Each is answered with the code the grain
/// would give, and none activates a grain or stores a row; the honest learner beside them earns every second.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class UnknownKeyProbeTests(SupervisionCluster system)
{
    private const int GuessesPerKind = 40;

    private static readonly string[] Grains = ["StudentClassGrain", "ClassGrain", "StudentGrain", "ChallengeGrain"];

    [Fact]
    public async Task Guessed_keys_on_every_endpoint_that_takes_one_activate_nothing_and_store_nothing()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        EnvelopeAssert.Code("0", await learner.StartAsync());
        var platforms = learner.Platforms;
        var activationsBefore = await ActivationsAsync();
        var rowsBefore = await StoredRowsAsync();

        var refusals = new List<(string Expected, string Path, JsonObject Answer)>();
        for (var i = 0; i < GuessesPerKind; i++)
        {
            var otherClass = TestIds.Code();
            var otherStudent = TestIds.Code("s");
            foreach (var path in StudentClassPaths)
            {
                refusals.Add(("1201", path, await system.PostEnvelopeAsync(path, StudyData(learner, otherClass, learner.StudentUserCode), platforms.LearningToken)));
                refusals.Add(("1202", path, await system.PostEnvelopeAsync(path, StudyData(learner, learner.ClassCode, otherStudent), platforms.LearningToken)));
            }

            var cardNo = TestIds.IdNumber();
            refusals.Add(("1202", "1.2", await system.PostEnvelopeAsync("/api/v1/authentication", new { studyPlatformCode = platforms.LearningCode, cardNo, name = "张丽" }, platforms.LearningToken)));
            refusals.Add(("1202", "1.11", await system.PostEnvelopeAsync("/api/v1/updateErcunPhotosUrl", new { studyPlatformCode = platforms.LearningCode, cardNo, ercunPhotoUrl = "https://photos.example.test/a.jpg" }, platforms.LearningToken)));
            var bizCode = i % 2 == 0 ? Guid.NewGuid().ToString("N") : TestIds.Code("b");
            refusals.Add(("1401", "1.8", await system.PostEnvelopeAsync("/api/v1/submitVerificationCode", new { studyPlatformCode = platforms.LearningCode, bizCode, verificationCode = "1234", videoStudyTime = 60 }, platforms.LearningToken)));
            refusals.Add(("1401", "1.6", await system.PostEnvelopeAsync("/api/v1/thirdFaceCompare", FaceData(learner, bizCode), platforms.LearningToken)));
            refusals.Add(("1201", "2.5", await system.PostEnvelopeAsync("/api/class/v1/classStudentStudy", new { classCode = otherClass }, platforms.BusinessToken)));
        }

        var activationsAfter = await ActivationsAsync();
        var rowsAfter = await StoredRowsAsync();
        var honest = await learner.PlayMinutesAsync(5);

        Assert.All(refusals, r => Assert.True((string?)r.Answer["returnCode"] == r.Expected, $"{r.Path}: expected {r.Expected}, got {r.Answer.ToJsonString()}"));
        foreach (var grain in Grains)
        {
            Assert.True(activationsAfter[grain] <= activationsBefore[grain], $"{activationsAfter[grain] - activationsBefore[grain]} {grain} activations from guessed keys");
        }

        Assert.Equal(rowsBefore, rowsAfter);
        Assert.All(honest, answer => Assert.Equal(60, Learner.Credited(answer)));
    }

    [Fact]
    public async Task A_guessed_bizCode_is_refused_as_unknown_while_the_real_one_still_passes()
    {
        var learner = await Learner.EnrolAsync(system, new { videoOnHook = 1, faceTimeLimit = 5, videoOnHookDetail = new { triggerType = 1, triggervValue = 1 } }, firstVideoSeconds: 3600);
        EnvelopeAssert.Code("0", await learner.StartAsync());
        var (bizCode, code) = await learner.GetCodeAsync();
        var tampered = bizCode[..^1] + (bizCode[^1] == '0' ? '1' : '0');

        EnvelopeAssert.Code("1401", await learner.SubmitCodeAsync(tampered, code));
        Assert.Equal(0, await Ledger.CheckEventsAsync(system, "check_attempt", tampered));
        EnvelopeAssert.Code("0", await learner.SubmitCodeAsync(bizCode, code));
    }

    private static readonly string[] StudentClassPaths =
        ["/api/v1/startStudy", "/api/v1/studyHour", "/api/v1/endStudy", "/api/v1/getVerificationCode", "/api/v1/getFaceCompareConfig", "/api/v1/submitRecordVideoUrl"];

    private static object StudyData(Learner learner, string classCode, string studentUserCode) => new
    {
        studyPlatformCode = learner.Platforms.LearningCode,
        classCode,
        studentUserCode,
        courseCode = learner.CourseCode,
        resCode = learner.FirstVideo,
        playTime = 60,
        progressTime = 60,
        recordVideoUrl = "https://media.example.test/recording.mp4",
    };

    private static object FaceData(Learner learner, string bizCode) => new
    {
        compareMode = 1,
        target = "https://photos.example.test/face.jpg",
        studyPlatformCode = learner.Platforms.LearningCode,
        studentUserCode = learner.StudentUserCode,
        resCode = learner.FirstVideo,
        classCode = learner.ClassCode,
        videoStudyTime = 60,
        bizCode,
    };

    private async Task<Dictionary<string, int>> ActivationsAsync()
    {
        var statistics = await system.Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return Grains.ToDictionary(g => g, g => statistics.Where(s => Regex.IsMatch(s.GrainType, $@"\.{g}\b")).Sum(s => s.ActivationCount));
    }

    private async Task<(long Versions, long Events, long Anomalies, long Photos)> StoredRowsAsync() => (
        await Ledger.CountAsync(system, "SELECT count(*) FROM grain_versions"),
        await Ledger.CountAsync(system, "SELECT count(*) FROM evidence_events"),
        await Ledger.CountAsync(system, "SELECT count(*) FROM anomalies"),
        await Ledger.CountAsync(system, "SELECT count(*) FROM check_photos"));
}
