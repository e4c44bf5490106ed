using Supervision.Contracts;
using Supervision.Contracts.Checks;
using Supervision.Contracts.Classes;
using static Supervision.Tests.Decider.DecidedLearner;

namespace Supervision.Tests.Decider;

/// <summary>SPEC rules 5 and 6: a real-name class credits nothing until 1.2 passed, a face-at-start class nothing after each startStudy until a face passed.</summary>
public sealed class GateRuleTests
{
    [Fact]
    public void A_real_name_class_credits_nothing_until_the_person_passed_and_then_every_minute()
    {
        var learner = new DecidedLearner(new ClassPolicy { RealNameAuthentication = true });
        learner.Start();

        var gated = learner.PlayMinutes(2);
        learner.RealNameVerified = true;
        var counted = learner.PlayMinutes(3, 120);

        Assert.All(gated, a => Assert.Equal(ReturnCode.RealNameRequired, a.Code));
        Assert.All(counted, a => Assert.Equal(60, CreditedBy(a)));
        Assert.Equal(180, learner.Credited);
        Assert.True(learner.State.RealNameVerified);
        Assert.Empty(learner.Anomalies);
    }

    [Fact]
    public void A_person_verified_before_the_start_is_credited_from_the_first_minute()
    {
        var learner = new DecidedLearner(new ClassPolicy { RealNameAuthentication = true }) { RealNameVerified = true };
        learner.Start();

        Assert.All(learner.PlayMinutes(3), a => Assert.Equal(60, CreditedBy(a)));
    }

    [Fact]
    public void With_a_face_at_start_a_resume_after_endStudy_needs_no_new_face()
    {
        var learner = new DecidedLearner(new ClassPolicy { VideoStartFace = true });
        learner.Start();
        learner.Advance(3);
        learner.PassCheck(CheckKind.Face);
        var played = learner.PlayMinutes(1);

        learner.Advance(30);
        learner.Pause();
        var flush = learner.Report(90, 30);
        learner.Advance(5 * 60);
        var resumed = learner.PlayMinutes(2, 90);

        Assert.Equal(60, CreditedBy(played[0]));
        Assert.Equal(30, CreditedBy(flush));
        Assert.All(resumed, a => Assert.Equal(60, CreditedBy(a)));
        Assert.Empty(learner.Anomalies);
    }

    [Fact]
    public void With_a_face_at_start_each_new_startStudy_credits_nothing_until_a_face_passed_after_it()
    {
        var learner = new DecidedLearner(new ClassPolicy { VideoStartFace = true });
        learner.Start();
        var beforeFace = learner.PlayMinutes(1);
        learner.PassCheck(CheckKind.Face);
        var afterFace = learner.PlayMinutes(1, 60);

        learner.Start();
        var afterRestart = learner.PlayMinutes(1, 120);
        learner.PassCheck(CheckKind.Face);
        var afterNewFace = learner.PlayMinutes(1, 180);

        Assert.Equal(ReturnCode.StartFaceRequired, beforeFace[0].Code);
        Assert.Equal(60, CreditedBy(afterFace[0]));
        Assert.Equal(ReturnCode.StartFaceRequired, afterRestart[0].Code);
        Assert.Equal(60, CreditedBy(afterNewFace[0]));
        Assert.Equal(120, learner.Credited);
    }

    [Fact]
    public void A_code_passed_is_no_face_at_start()
    {
        var learner = new DecidedLearner(new ClassPolicy { VideoStartFace = true });
        learner.Start();
        learner.PassCheck(CheckKind.Code);

        Assert.Equal(ReturnCode.StartFaceRequired, learner.PlayMinutes(1)[0].Code);
    }
}
