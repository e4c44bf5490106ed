using Supervision.Contracts.Evidence;
using static Supervision.Tests.Decider.DecidedLearner;

namespace Supervision.Tests.Decider;

/// <summary>SPEC rule 13: a roster that ties a student code to another person moves no credit; the same person is the same study.</summary>
public sealed class IdentityRuleTests
{
    [Fact]
    public void A_student_code_tied_to_another_person_starts_from_nothing_and_the_earlier_credit_answers_to_nobody_else()
    {
        var learner = new DecidedLearner { CardNo = "11010519491231003X" };
        learner.Start();
        learner.PlayMinutes(3);

        learner.CardNo = "110105194912310029";
        learner.Advance(60);
        learner.Start();
        var creditedAtOnce = learner.Credited;
        var first = learner.PlayMinutes(1, 180);

        Assert.Equal(0, creditedAtOnce);
        Assert.Equal(60, CreditedBy(first[0]));
        Assert.Equal(60, first[0].Data!.ResourceCredited);
        Assert.Contains(EvidenceKind.IdentityChange, learner.Events);
    }

    [Fact]
    public void The_same_person_however_the_check_character_is_cased_keeps_every_second()
    {
        var learner = new DecidedLearner { CardNo = "11010519491231003X" };
        learner.Start();
        learner.PlayMinutes(3);

        learner.CardNo = "11010519491231003x";
        learner.Start();
        var after = learner.PlayMinutes(1, 180);

        Assert.Equal(60, CreditedBy(after[0]));
        Assert.Equal(240, learner.Credited);
        Assert.DoesNotContain(EvidenceKind.IdentityChange, learner.Events);
    }
}
