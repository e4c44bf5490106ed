using Supervision.Contracts;
using Supervision.Contracts.Checks;
using Supervision.Contracts.Classes;
using Supervision.Contracts.Evidence;
using static Supervision.Tests.Decider.DecidedLearner;

namespace Supervision.Tests.Decider;

/// <summary>
/// SPEC rule 7, the anti-idle schedule (docs/study-rules.md, docs/checks.md): it belongs to the student in the class,
/// a check passed in time costs nothing, a due check dodged by restarting stays due, and past a due check's point at
/// most its validity counts. A reviewer's rejection of a face takes back what its pass let the video earn.
/// </summary>
public sealed class CheckRuleTests
{
    private const int VideoSeconds = 3500;
    private static readonly ClassPolicy CodeEveryTenMinutes = new() { VideoOnHook = 1, FaceTimeLimit = 5, TriggerType = 1, TriggerValue = 10 };
    private static readonly ClassPolicy CodeEveryTwoMinutes = new() { VideoOnHook = 1, FaceTimeLimit = 2, TriggerType = 1, TriggerValue = 2 };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_public_clients_call_sequence_with_its_checks_is_credited_every_second_played_and_never_refused_or_flagged(int videoOnHook)
    {
        var learner = new DecidedLearner(CodeEveryTenMinutes with { VideoOnHook = videoOnHook }, firstVideoSeconds: VideoSeconds);
        var kind = videoOnHook == 1 ? CheckKind.Code : CheckKind.Face;
        var player = new PublicClientPlayer(learner, savedPosition: 300);
        learner.Start();

        player.PlayTo(600);
        player.Check(kind);
        player.PlayTo(1000);
        player.Pause();
        learner.Advance(60);
        learner.Pause(); // the page is left: endStudy again on a paused study
        learner.Advance(19 * 60); // a coffee; the reports simply continue afterwards
        player.PlayTo(1200);
        player.Check(kind);
        player.PlayTo(1500);
        player.QualitySwitch();
        foreach (var point in new[] { 1800, 2400, 3000 })
        {
            player.PlayTo(point);
            player.Check(kind);
        }

        player.PlayTo(VideoSeconds);
        player.Pause(); // the video ended
        player.SeekTo(0); // and is watched again from the start
        player.PlayTo(240);
        player.Pause();

        Assert.True(player.Credited >= 0.99 * player.Played, $"credited {player.Credited} of {player.Played} s played");
        Assert.InRange(player.Credited, 0, VideoSeconds);
        Assert.Equal([600, 1200, 1800, 2400, 3000], player.DuePositions);
        Assert.Equal(player.Credited, learner.Credited);
        Assert.Empty(learner.Anomalies);
    }

    [Fact]
    public void A_due_check_dodged_by_restarting_the_session_stays_due_and_then_refuses_as_overdue_once_recorded()
    {
        var learner = new DecidedLearner(CodeEveryTwoMinutes);
        learner.Start();
        var reachedCheck = learner.PlayMinutes(2)[^1];

        learner.Start();
        var afterRestart = learner.PlayMinutes(1, 120)[0];
        learner.Start();
        learner.Advance(90);
        var pastValidity = learner.Report(270, 90);
        learner.Start();
        var afterAnotherRestart = learner.PlayMinutes(1, 270)[0];

        Assert.Equal(CheckKind.Code, reachedCheck.Data!.CheckDue?.Kind);
        Assert.Equal(reachedCheck.Data.CheckDue, afterRestart.Data!.CheckDue);
        Assert.Equal(ReturnCode.CheckOverdue, pastValidity.Code);
        Assert.Equal(ReturnCode.CheckOverdue, afterAnotherRestart.Code);
        Assert.Equal(180, learner.Credited);
        Assert.Single(learner.Anomalies, AnomalyKind.CheckOverdue);
    }

    [Fact]
    public void A_pass_clears_the_overdue_check_and_the_next_minute_is_credited_whole()
    {
        var learner = new DecidedLearner(CodeEveryTwoMinutes);
        learner.Start();
        learner.PlayMinutes(2);
        learner.Advance(3 * 60);
        var overdue = learner.Report(150, 30);

        learner.PassCheck(CheckKind.Code);
        var next = learner.PlayMinutes(1, 150)[0];

        Assert.Equal(ReturnCode.CheckOverdue, overdue.Code);
        Assert.Equal(60, CreditedBy(next));
        Assert.Null(next.Data!.CheckDue);
    }

    [Fact]
    public void One_claim_across_a_due_check_point_earns_past_the_point_no_more_than_the_checks_validity()
    {
        var learner = new DecidedLearner(CodeEveryTenMinutes);
        learner.Start();
        var honest = learner.PlayMinutes(9);

        learner.Advance(10 * 60);
        var claim = learner.Report(540 + 600, 600); // the check point at 600 s lies inside it

        Assert.All(honest, a => Assert.Equal(60, CreditedBy(a)));
        Assert.Equal(60 + (5 * 60), CreditedBy(claim));
        Assert.Equal([AnomalyKind.ClaimPastDueCheck], learner.Anomalies);
    }

    [Fact]
    public void Minutes_played_past_a_due_check_within_its_validity_count_and_no_more()
    {
        var learner = new DecidedLearner(CodeEveryTwoMinutes);
        learner.Start();
        learner.PlayMinutes(2);

        var withinValidity = learner.PlayMinutes(2, 120);
        learner.Advance(1);
        var pastValidity = learner.Report(241, 1);

        Assert.All(withinValidity, a => Assert.Equal(60, CreditedBy(a)));
        Assert.Equal(ReturnCode.CheckOverdue, pastValidity.Code);
        Assert.Equal(240, learner.Credited);
    }

    [Fact]
    public void Rewatching_a_fully_credited_video_earns_nothing_and_asks_no_check()
    {
        // Two checks spread over the video: at half of it and at its very end, where the credit reaches the duration.
        var learner = new DecidedLearner(new ClassPolicy { VideoOnHook = 1, FaceTimeLimit = 1, TriggerType = 0, TriggerValue = 2 }, firstVideoSeconds: 240);
        learner.Start();
        learner.PlayMinutes(2);
        learner.PassCheck(CheckKind.Code);
        var toTheEnd = learner.PlayMinutes(2, 120);

        var rewatch = learner.PlayMinutes(4);

        Assert.Equal(240, toTheEnd[^1].Data!.ResourceCredited);
        Assert.All(rewatch, a => Assert.Equal(0, CreditedBy(a)));
        Assert.All(rewatch, a => Assert.Null(a.Data!.CheckDue));
        Assert.Equal(240, learner.Credited);
        Assert.Empty(learner.Anomalies);
    }

    [Fact]
    public void A_pass_delivered_again_is_taken_once()
    {
        var learner = new DecidedLearner(CodeEveryTwoMinutes);
        learner.Start();
        learner.PlayMinutes(2);
        var span = learner.State.Study!;
        var pass = new CheckPass("biz-again", CheckKind.Code, span.Id, learner.Now, 120, FirstVideo) { AnswerMillis = 4000 };

        var first = Grains.Study.CheckPassDecider.Take(learner.State, pass, Drafts);
        var again = Grains.Study.CheckPassDecider.Take(first!.Draft, pass, Drafts);

        Assert.Single(first.Events, e => e.Kind == EvidenceKind.CheckPassed);
        Assert.Null(again);
    }

    /// <summary>
    /// The outbox delivers a pass again when marking its hand-over failed, possibly after a later pass: the old one must
    /// not add a second check_passed row, nor count its answer time twice for the bot flag.
    /// </summary>
    [Fact]
    public void A_pass_delivered_again_after_a_later_pass_is_taken_once()
    {
        var learner = new DecidedLearner(CodeEveryTwoMinutes);
        learner.Start();
        learner.PlayMinutes(2);
        var span = learner.State.Study!;
        var first = new CheckPass("biz-first", CheckKind.Code, span.Id, learner.Now, 120, FirstVideo) { AnswerMillis = 4000 };
        var afterFirst = Grains.Study.CheckPassDecider.Take(learner.State, first, Drafts)!.Draft;
        var second = new CheckPass("biz-second", CheckKind.Code, span.Id, learner.Now.AddMinutes(2), 240, FirstVideo) { AnswerMillis = 5000 };
        var afterSecond = Grains.Study.CheckPassDecider.Take(afterFirst, second, Drafts)!.Draft;

        Assert.Null(Grains.Study.CheckPassDecider.Take(afterSecond, first, Drafts));
    }

    [Fact]
    public void A_face_a_reviewer_rejects_takes_back_what_its_pass_let_the_video_earn_and_nothing_counts_until_the_next_pass()
    {
        var learner = new DecidedLearner(CodeEveryTenMinutes with { VideoOnHook = 2 });
        learner.Start();
        learner.PlayMinutes(10);
        var honestPass = learner.PassCheck(CheckKind.Face);
        learner.PlayMinutes(10, 600);
        var borrowedFace = learner.PassCheck(CheckKind.Face);
        var underBorrowedFace = learner.PlayMinutes(3, 1200);

        var voided = learner.RejectFaceCheck(borrowedFace);
        var underRejection = learner.PlayMinutes(2, 1380);
        learner.PassCheck(CheckKind.Face);
        var afterNewPass = learner.PlayMinutes(1, 1500);

        Assert.All(underBorrowedFace, a => Assert.Equal(60, CreditedBy(a)));
        Assert.Equal(180, voided);
        Assert.All(underRejection, a => Assert.Equal(0, CreditedBy(a)));
        Assert.Equal(60, CreditedBy(afterNewPass[0]));
        Assert.Equal(1200 + 60, learner.Credited);
        Assert.Equal(0, learner.RejectFaceCheck(borrowedFace));
        Assert.NotEqual(honestPass, borrowedFace);
        Assert.Contains(AnomalyKind.FaceReviewRejected, learner.Anomalies);
    }

    /// <summary>
    /// The public client's player (SPEC "Real clients"): it reports every 47, 60, 73, 60, 55 … seconds of play (its
    /// timer restarts on each play), always the seconds played since its last report, pauses with endStudy and a flush
    /// before each check, and keeps the honest total of what it played.
    /// </summary>
    private sealed class PublicClientPlayer(DecidedLearner learner, int savedPosition)
    {
        private static readonly int[] Intervals = [47, 60, 73, 60, 55];
        private int reports;
        private int unreported;
        private int position = savedPosition;

        public int Played { get; private set; }

        public int Credited { get; private set; }

        /// <summary>The positions of the reports whose answer said a check was due.</summary>
        public List<int> DuePositions { get; } = [];

        public void PlayTo(int target)
        {
            while (position + Intervals[reports % Intervals.Length] - unreported < target)
            {
                Play(Intervals[reports % Intervals.Length] - unreported);
                Report();
            }

            Play(target - position);
        }

        /// <summary>endStudy, then at once the flush report of the seconds played since the last one.</summary>
        public Outcome<Contracts.Study.StudyReceipt> Pause()
        {
            learner.Pause();
            return Report();
        }

        /// <summary>At a check point: the player pauses (endStudy and the flush), the answer passes 2 s later, and play resumes without a startStudy.</summary>
        public void Check(CheckKind kind)
        {
            var flush = Pause();
            Assert.Equal(kind, flush.Data!.CheckDue?.Kind);
            learner.Advance(2);
            learner.PassCheck(kind);
        }

        /// <summary>A switch of quality: reported, then 3 s later the player re-seeks to the same position and reports it again.</summary>
        public void QualitySwitch()
        {
            Report();
            var at = position;
            Play(3);
            position = at;
            Report();
        }

        public void SeekTo(int target) => position = target;

        private void Play(int seconds)
        {
            learner.Advance(seconds);
            position += seconds;
            unreported += seconds;
        }

        private Outcome<Contracts.Study.StudyReceipt> Report()
        {
            var answer = learner.Report(position, unreported);
            Assert.True(answer.Succeeded, $"studyHour at {position} s ({unreported} s played) was answered {answer.Code}: {answer.Message}");
            Played += unreported;
            Credited += answer.Data!.Credited;
            if (answer.Data.CheckDue is not null)
            {
                DuePositions.Add(position);
            }

            unreported = 0;
            reports++;
            return answer;
        }
    }
}
