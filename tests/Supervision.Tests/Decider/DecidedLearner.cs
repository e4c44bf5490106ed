using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Supervision.Contracts;
using Supervision.Contracts.Checks;
using Supervision.Contracts.Classes;
using Supervision.Contracts.Study;
using Supervision.Grains.Evidence;
using Supervision.Grains.Study;

namespace Supervision.Tests.Decider;

/// <summary>
/// One student in one class, played through the study deciders alone: no cluster, no database, a clock the test
/// moves. Each call decides on the state, checks that the decision left that state as it was, and commits the
/// draft as the grain would. A change kept in its rows alone is checked against the replay an activation does:
/// the state with the rows applied must be the draft, byte for byte.
/// </summary>
public sealed class DecidedLearner
{
    public const string ClassCode = "class-1";
    public const string StudentUserCode = "student-1";
    public const string Platform = "platform-1";
    public const string Course = "course-1";
    public const string FirstVideo = "res-1";
    public const string SecondVideo = "res-2";
    public const int BankCapSeconds = 600;

    private static readonly IServiceProvider Services = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(StudentClassState).Assembly))
        .BuildServiceProvider();

    private static readonly Serializer<StudentClassState> Serializer = Services.GetRequiredService<Serializer<StudentClassState>>();
    public static readonly StudentClassDrafts Drafts = new(ClassCode, StudentUserCode, BankCapSeconds, Services.GetRequiredService<DeepCopier<StudentClassState>>());

    private readonly Dictionary<string, int> durations;
    private int passes;

    public DecidedLearner(ClassPolicy? policy = null, int firstVideoSeconds = 3600, int secondVideoSeconds = 1800, DateTimeOffset? now = null)
    {
        Policy = policy ?? ClassPolicy.Unsupervised;
        durations = new() { [FirstVideo] = firstVideoSeconds, [SecondVideo] = secondVideoSeconds };
        Now = now ?? new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    }

    public ClassPolicy Policy { get; set; }

    public string CardNo { get; set; } = "110105194912310029";

    /// <summary>Whether the person passed 1.2: what the grain would ask the person before a decision that needs it.</summary>
    public bool RealNameVerified { get; set; }

    public DateTimeOffset Now { get; private set; }

    public StudentClassState State { get; private set; } = new();

    /// <summary>Every anomaly kind committed so far, in order.</summary>
    public List<string> Anomalies { get; } = [];

    /// <summary>Every evidence kind committed so far, in order.</summary>
    public List<string> Events { get; } = [];

    /// <summary>Every report row committed so far.</summary>
    public List<ReportRow> Rows { get; } = [];

    /// <summary>How many commits were kept in their rows alone, without a snapshot.</summary>
    public int RowsOnlyCommits { get; private set; }

    /// <summary>The credit the state holds on every video.</summary>
    public int Credited => State.Resources.Values.Sum(r => r.Credited);

    public void Advance(double seconds) => Now = Now.AddSeconds(seconds);

    /// <summary>1.3 on a video the class admits under <see cref="Policy"/>.</summary>
    public void Start(string resCode = FirstVideo)
    {
        var terms = new StudyTerms(Policy, CardNo, Course, "section-1", resCode, durations[resCode], "business-1");
        var verified = SessionDecider.AsksRealName(State, terms) ? RealNameVerified : (bool?)null;
        Commit(Unchanged(() => SessionDecider.Start(State, new StudyStart(Platform, Course, null, resCode, Device()), terms, Now, Drafts, verified)));
    }

    public void Pause(string resCode = FirstVideo)
    {
        Assert.Equal(resCode, State.Study?.ResCode);
        if (Unchanged(() => SessionDecider.Pause(State, new StudyEnd(Platform, resCode, Device()), Now, Drafts)) is { } change)
        {
            Commit(change);
        }
    }

    /// <summary>1.10 with the envelope's timestamp in whole seconds of the server's clock, unless <paramref name="timestamp"/> says otherwise.</summary>
    public Outcome<StudyReceipt> Report(int playTime, int progressTime, string resCode = FirstVideo, string? timestamp = null, string deviceId = "test-device")
    {
        var report = new StudyReport(Platform, Course, null, resCode, playTime, progressTime, Device(timestamp, deviceId));
        var verified = ReportDecider.AsksRealName(State) ? RealNameVerified : (bool?)null;
        var decision = Unchanged(() => ReportDecider.Decide(State, report, Now, Drafts, verified));
        if (decision.WithoutSession)
        {
            // The class admits the report (the grain asks it): a closed span of the video answers 1305, none 1304.
            decision = Unchanged(() => ReportDecider.OnClosedSpan(State, report, Now, Drafts))
                ?? new ReportDecision(Outcome.Fail(ReturnCode.NoOpenSession, "resCode: no open study session"), null);
        }

        if (decision.Change is { } change)
        {
            Commit(change);
        }

        return decision.Answer!;
    }

    /// <summary>Plays honestly: each minute of server time, a report of the minute just played.</summary>
    public List<Outcome<StudyReceipt>> PlayMinutes(int minutes, int fromPosition = 0, string resCode = FirstVideo)
    {
        var answers = new List<Outcome<StudyReceipt>>();
        for (var i = 1; i <= minutes; i++)
        {
            Advance(60);
            answers.Add(Report(fromPosition + (i * 60), 60, resCode));
        }

        return answers;
    }

    /// <summary>A check of <paramref name="kind"/> on the open span passed now (1.6 or 1.8, delivered by its challenge); answers its bizCode.</summary>
    public string PassCheck(CheckKind kind, int answerMillis = 4000)
    {
        var span = State.Study!;
        var pass = new CheckPass($"biz-{++passes}", kind, span.Id, Now, span.LastPlayTime ?? 0, span.ResCode) { AnswerMillis = answerMillis };
        Commit(Unchanged(() => CheckPassDecider.Take(State, pass, Drafts))!);
        return pass.BizCode;
    }

    /// <summary>The same person started in another class (of the same learning platform unless named): this study yields to it.</summary>
    public void YieldToAnotherClass(string otherPlatformCode = Platform)
    {
        var change = Drafts.New(State, Now);
        change.YieldTo("class-2", otherPlatformCode, Now, BankCapSeconds);
        Commit(change);
    }

    /// <summary>A reviewer found the face of a passed check to be another person's; answers the seconds taken back.</summary>
    public int RejectFaceCheck(string bizCode)
    {
        var change = Drafts.New(State, Now);
        var voided = change.RejectFaceCheck(new Contracts.Reviews.FaceCheckRejection(bizCode, 1, "reviewer", Now));
        Commit(change);
        return voided;
    }

    /// <summary>The state as the grain stores it (grain_state's snapshot).</summary>
    public static byte[] Stored(StudentClassState state) => Serializer.SerializeToArray(state);

    public static StudentClassState Read(byte[] stored) => Serializer.Deserialize(stored)!;

    public static int CreditedBy(Outcome<StudyReceipt> answer)
    {
        Assert.True(answer.Succeeded, $"answered {answer.Code}: {answer.Message}");
        return answer.Data!.Credited;
    }

    public static int CreditedOrZero(Outcome<StudyReceipt> answer) => answer.Data?.Credited ?? 0;

    private DeviceInfo Device(string? timestamp = null, string deviceId = "test-device") =>
        new("TYPE_PC", deviceId, timestamp ?? Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>Runs a decision and checks it left the state it was given as it was: its changes are all on its draft.</summary>
    private T Unchanged<T>(Func<T> decide)
    {
        var before = Serializer.SerializeToArray(State);
        var decided = decide();
        Assert.Equal(before, Serializer.SerializeToArray(State));
        return decided;
    }

    private void Commit(StudentClassChange change)
    {
        if (change.InRowsOnly)
        {
            var replayed = Drafts.Copier.Copy(State);
            foreach (var row in change.Reports)
            {
                replayed.Apply(row, BankCapSeconds);
            }

            Assert.Equal(Serializer.SerializeToArray(change.Draft), Serializer.SerializeToArray(replayed));
            RowsOnlyCommits++;
        }

        State = change.Draft;
        Anomalies.AddRange(change.Anomalies.Select(a => a.Kind));
        Events.AddRange(change.Events.Select(e => e.Kind));
        Rows.AddRange(change.Reports);
    }
}
