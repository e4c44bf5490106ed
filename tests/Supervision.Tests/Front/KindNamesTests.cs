using System.Reflection;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Evidence.Details;
using Supervision.WebFront.Apis;

namespace Supervision.Tests.Front;

/// <summary>Every kind the console can show has a name in both languages, and an evidence row reads as a sentence, not as codes.</summary>
public sealed class KindNamesTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 1, 2, 3, TimeSpan.Zero);

    public static IEnumerable<object[]> EvidenceKinds() =>
        typeof(EvidenceKind).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => new object[] { (string)f.GetRawConstantValue()! });

    [Fact]
    public void Every_anomaly_kind_has_a_name_in_both_languages_that_is_not_its_code()
    {
        Assert.Equal(AnomalyKind.All.Order(), KindNames.Anomalies.Keys.Order());
        Assert.All(AnomalyKind.All, kind => AssertNamed(kind, KindNames.Anomaly(kind)));
    }

    [Theory]
    [MemberData(nameof(EvidenceKinds))]
    public void Every_evidence_kind_has_a_name_in_both_languages_that_is_not_its_code(string kind) => AssertNamed(kind, KindNames.Event(kind));

    [Theory]
    [InlineData("different", "未通过：不是本人", "failed: not the registered student")]
    [InlineData("no_face_in_probe", "未通过：照片中没有人脸", "failed: no face in the photo")]
    [InlineData("replayed", "未通过：翻拍或重用的照片", "failed: a reused photo, not live")]
    [InlineData("same", "通过：是本人", "passed: the registered student")]
    public void A_face_attempt_answered_0_has_its_judgement_for_outcome(string decision, string zh, string en)
    {
        var details = new CheckAttemptEvidence("biz-1", "Face", 1, 4200, 60, null, new FaceJudgement(decision, 0.42, 0.6, 7, null, null, null));
        var row = Row(EvidenceKind.CheckAttempt, "0", details);

        Assert.Equal(new Words(zh, en), EventWording.Outcome(row, details));
        var sentence = EventWording.Describe(row, details, SentenceNames.CodesOnly());
        Assert.Contains(zh, sentence.Zh);
        Assert.Contains(en, sentence.En);
        Assert.Contains("0.42", sentence.En);
    }

    [Fact]
    public void A_refused_request_says_refused_with_its_code_and_an_accepted_one_says_accepted()
    {
        Assert.Equal("refused (code 1203)", EventWording.Outcome(Row(EvidenceKind.Report, "1203", null), null).En);
        Assert.Equal("accepted", EventWording.Outcome(Row(EvidenceKind.SessionStart, "0", null), null).En);
    }

    [Fact]
    public void Rows_read_as_sentences_with_their_numbers_and_no_codes()
    {
        var cases = new (string Kind, EvidenceDetails Details, string En)[]
        {
            (EvidenceKind.Report, new ReportEvidence(360, 60, 60, 5), "played to 360 s, progress 60 s, 60 s credited"),
            (EvidenceKind.SessionStart, SessionStartEvidence.Started(false), "started video res-1"),
            (EvidenceKind.SessionEnd, new SessionEndEvidence("superseded", null, 600, 10), "span closed (another video was started): 600 s credited in 10 reports"),
            (EvidenceKind.CreditVoided, new CreditVoidedEvidence(180, "审核员 赵"), "180 s of credit voided (审核员 赵)"),
            (EvidenceKind.FlagDecision, new FlagDecisionEvidence(Guid.NewGuid(), AnomalyKind.CrowdLockstep, "void", At, 180, "审核员 赵", "10.0.0.1"),
                "审核员 赵 voided 180 s on the flag \"Studying in lockstep with others\""),
        };
        foreach (var (kind, details, en) in cases)
        {
            var words = EventWording.Describe(Row(kind, "0", details, credited: 60), details, SentenceNames.CodesOnly());
            Assert.Equal(en, words.En.StartsWith("report: ", StringComparison.Ordinal) ? words.En["report: ".Length..] : words.En);
            Assert.DoesNotContain("_", words.Zh + words.En); // no snake_case code: not the row's kind, nor a flag's
            Assert.NotEqual(words.Zh, words.En);
        }
    }

    private static EvidenceView Row(string kind, string outcome, EvidenceDetails? details, int credited = 0) =>
        new(1, At, kind, "res-1", Guid.NewGuid(), outcome, credited, "lp-1", details is null ? null : DetailsJson.Write(details));

    private static void AssertNamed(string kind, Words words)
    {
        Assert.NotEqual(kind, words.Zh);
        Assert.NotEqual(kind, words.En);
        Assert.NotEqual(words.Zh, words.En);
        Assert.False(string.IsNullOrWhiteSpace(words.Zh) || string.IsNullOrWhiteSpace(words.En), kind);
    }
}
