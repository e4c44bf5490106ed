using System.Text.Json.Nodes;
using Supervision.TestFaces;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Study;

/// <summary>
/// What the public client of this interface (SPEC "Real clients") sends, replayed through the real HTTP front:
/// startStudy once per video load, endStudy on every pause followed at once by a flush studyHour, no startStudy
/// on resume, reports at irregular intervals, checks asked at video positions. An honest learner doing all
/// that is credited what they played and is never refused or flagged. The rules themselves are tested without a
/// cluster (tests/Supervision.Tests/Decider); these prove the front, the challenges and the ledger carry them.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RealClientReplayTests(SupervisionCluster system, PhotoServer photos) : IClassFixture<PhotoServer>
{
    private const int VideoSeconds = 3500;
    private const int SavedPosition = 300;
    private static readonly int[] CheckPoints = [600, 1200, 1800, 2400, 3000];

    [Fact]
    public async Task The_public_clients_replay_with_pop_up_codes_is_credited_whole_and_never_refused_or_flagged()
    {
        var learner = await Learner.EnrolAsync(system, EveryTenMinutes(videoOnHook: 1), firstVideoSeconds: VideoSeconds);

        await ReplayAndAssertAsync(learner, PopUpCode(learner), "code");
    }

    [Fact]
    public async Task With_a_face_check_at_start_a_new_startStudy_credits_nothing_until_a_new_face_passes()
    {
        var learner = await Learner.EnrolAsync(system, new { videoStartFace = 1 }, firstVideoSeconds: 3600);
        await learner.SetPhotoAsync(photos.Publish(FacePhotos.Registered));
        EnvelopeAssert.Code("0", await learner.StartAsync());
        await PassFaceAsync(learner, 1);
        var beforeRestart = (await learner.PlayMinutesAsync(1))[0];

        EnvelopeAssert.Code("0", await learner.StartAsync());
        var afterRestart = (await learner.PlayMinutesAsync(1, 60))[0];
        await PassFaceAsync(learner, 2);
        var afterFace = (await learner.PlayMinutesAsync(1, 120))[0];

        Assert.Equal(60, Learner.Credited(beforeRestart));
        EnvelopeAssert.Code("1307", afterRestart);
        Assert.Equal(60, Learner.Credited(afterFace));
        Assert.Equal(120, (await Ledger.CreditedAsync(system, learner.ClassCode)).Values.Sum());
    }

    /// <summary>
    /// One video load: resumes at a saved position, five checks (one asked for twice), a coffee pause, a quality
    /// switch, the video's end and a rewatch from 0 — one startStudy in all, and never one on resume.
    /// </summary>
    private async Task ReplayAndAssertAsync(Learner learner, Check check, string kind)
    {
        var player = new Player(system, learner, SavedPosition);
        EnvelopeAssert.Code("0", await learner.StartAsync());

        await player.PlayToAsync(600);
        await player.CheckAsync(check, kind);
        await player.PlayToAsync(1000);
        await player.PauseAsync();
        system.Clock.Advance(TimeSpan.FromMinutes(1));
        EnvelopeAssert.Code("0", await learner.PauseAsync()); // the page is left: endStudy again on a paused study
        system.Clock.Advance(TimeSpan.FromMinutes(19)); // a coffee; the reports simply continue afterwards
        await player.PlayToAsync(1200);
        await player.CheckAsync(check, kind, askedTwice: true);
        await player.PlayToAsync(1500);
        await player.QualitySwitchAsync();
        await player.PlayToAsync(1800);
        await player.CheckAsync(check, kind);
        await player.PlayToAsync(2400);
        await player.CheckAsync(check, kind);
        await player.PlayToAsync(3000);
        await player.CheckAsync(check, kind);
        await player.PlayToAsync(VideoSeconds);
        await player.PauseAsync(); // the video ended
        player.SeekTo(0); // and is watched again from the start
        await player.PlayToAsync(240);
        await player.PauseAsync();

        Assert.True(player.Credited >= 0.99 * player.Played, $"credited {player.Credited} of {player.Played} s played");
        Assert.True(player.Credited <= VideoSeconds, $"credited {player.Credited}, more than the video's {VideoSeconds} s");
        Assert.Equal(CheckPoints, player.DuePositions);
        Assert.Equal(player.Credited, await learner.StudyRecordAsync());
        Assert.Equal(player.Credited, (await Ledger.CreditedAsync(system, learner.ClassCode)).Values.Sum());
        Assert.Empty(await learner.AnomalyKindsAsync());
    }

    private static object EveryTenMinutes(int videoOnHook) =>
        new { videoOnHook, faceTimeLimit = 5, videoOnHookDetail = new { triggerType = 1, triggervValue = 10 } };

    private static Check PopUpCode(Learner learner) => new(async () =>
    {
        var (bizCode, code) = await learner.GetCodeAsync();
        return () => learner.SubmitCodeAsync(bizCode, code);
    });

    private static async Task PassFaceAsync(Learner learner, int capture)
    {
        var judged = await learner.SubmitFaceAsync(await learner.GetFaceCheckAsync(), FacePhotos.LiveCapture(capture));
        EnvelopeAssert.Code("0", judged);
        Assert.Equal(1, (int)judged["returnData"]!["result"]!);
    }

    /// <summary>Asks for a check (1.5 or 1.7) and answers how to pass it (1.6 or 1.8).</summary>
    private sealed record Check(Func<Task<Func<Task<JsonObject>>>> AskAsync);

    /// <summary>
    /// The public client's player. It reports every 47, 60, 73, 60, 55 … seconds of play (its timer restarts on each
    /// play), always the seconds played since its last report, and keeps the honest total of what it played.
    /// </summary>
    private sealed class Player(SupervisionCluster system, Learner learner, int savedPosition)
    {
        private static readonly int[] Intervals = [47, 60, 73, 60, 55];
        private int reports;
        private int unreported;

        public int Position { get; private set; } = savedPosition;

        public int Played { get; private set; }

        public int Credited { get; private set; }

        /// <summary>The positions of the reports whose answer said a check was due.</summary>
        public List<int> DuePositions { get; } = [];

        /// <summary>Plays until <paramref name="target"/>, reporting on the way; the seconds since the last report stay unreported.</summary>
        public async Task PlayToAsync(int target)
        {
            while (Position + Intervals[reports % Intervals.Length] - unreported < target)
            {
                Play(Intervals[reports % Intervals.Length] - unreported);
                await ReportAsync();
            }

            Play(target - Position);
        }

        /// <summary>endStudy, then at once the flush report of the seconds played since the last one.</summary>
        public async Task<JsonObject> PauseAsync()
        {
            AssertAccepted(await learner.PauseAsync(), "endStudy");
            return await ReportAsync();
        }

        /// <summary>
        /// At a check point: the check is asked for while playing, the player pauses (endStudy and the flush), the
        /// answer is given 2 s later and play resumes without a startStudy.
        /// </summary>
        public async Task CheckAsync(Check check, string kind, bool askedTwice = false)
        {
            var pass = await check.AskAsync();
            var flush = await PauseAsync();
            Assert.Equal(kind, (string?)Learner.CheckDue(flush)?["kind"]);
            if (askedTwice)
            {
                pass = await check.AskAsync(); // the first bizCode is left unused
            }

            system.Clock.Advance(TimeSpan.FromSeconds(2));
            var answer = await pass();
            AssertAccepted(answer, "the check's answer");
            if (answer["returnData"]?["result"] is { } result)
            {
                Assert.Equal(1, (int)result);
            }
        }

        /// <summary>A switch of quality: reported, then 3 s later the player re-seeks to the same position and reports it again.</summary>
        public async Task QualitySwitchAsync()
        {
            await ReportAsync();
            var position = Position;
            Play(3);
            Position = position;
            await ReportAsync();
        }

        public void SeekTo(int position) => Position = position;

        private void Play(int seconds)
        {
            system.Clock.Advance(TimeSpan.FromSeconds(seconds));
            Position += seconds;
            unreported += seconds;
        }

        private async Task<JsonObject> ReportAsync()
        {
            var answer = await learner.ReportAsync(Position, unreported);
            AssertAccepted(answer, $"studyHour at {Position} s ({unreported} s played)");
            Played += unreported;
            Credited += Learner.Credited(answer);
            if (Learner.CheckDue(answer) is not null)
            {
                DuePositions.Add(Position);
            }

            unreported = 0;
            reports++;
            return answer;
        }

        private static void AssertAccepted(JsonObject answer, string what) =>
            Assert.True((string?)answer["returnCode"] == "0", $"{what} was answered {answer.ToJsonString()}");
    }
}
