using Supervision.Grains.Study;

namespace Supervision.Tests.Rules;

public sealed class CreditRuleTests
{
    private static readonly CreditInput Honest = new(
        Claimed: 60, PlayTime: 660, LastPlayTime: 600, BankAvailable: 65, Played: 600, Reached: 600, ResourceCredited: 600,
        DurationSeconds: 3600, TodayRemaining: null, NextCheckPoint: 1200, CheckDue: false, CreditedPastDue: 0, ValiditySeconds: 300);

    [Fact]
    public void An_honest_minute_is_credited_whole()
    {
        var decision = CreditRule.Decide(Honest);

        Assert.Equal((60, 0, 60, 0, false), (decision.Accepted, decision.Excess, decision.Credited, decision.Jump, decision.FallsDue));
    }

    [Fact]
    public void A_claim_beyond_the_bank_is_cut_to_it()
    {
        var decision = CreditRule.Decide(Honest with { Claimed = 600, PlayTime = 1200, BankAvailable = 15 });

        Assert.Equal((15, 585, 15), (decision.Accepted, decision.Excess, decision.Credited));
    }

    [Fact]
    public void Past_a_due_point_at_most_the_validity_counts_even_in_one_claim()
    {
        var decision = CreditRule.Decide(Honest with { Claimed = 600, PlayTime = 1740, LastPlayTime = 1140, Played = 1140, Reached = 1140, BankAvailable = 605 });

        Assert.True(decision.FallsDue);
        Assert.Equal(60 + 300, decision.Credited);
        Assert.Equal((300, 240), (decision.PastDue, decision.PastDueOverflow));
    }

    [Fact]
    public void A_check_already_due_allows_only_what_is_left_of_its_validity()
    {
        var decision = CreditRule.Decide(Honest with { CheckDue = true, CreditedPastDue = 280 });

        Assert.Equal((20, 20, 40), (decision.Credited, decision.PastDue, decision.PastDueOverflow));
    }

    [Fact]
    public void The_duration_and_todays_limit_cap_the_credit_but_not_the_clock()
    {
        var atEnd = CreditRule.Decide(Honest with { ResourceCredited = 3570 });
        var atLimit = CreditRule.Decide(Honest with { TodayRemaining = 25 });

        Assert.Equal((60, 30), (atEnd.Accepted, atEnd.Credited));
        Assert.Equal((60, 25), (atLimit.Accepted, atLimit.Credited));
    }

    [Fact]
    public void A_seek_forward_is_a_jump_a_seek_back_or_a_first_report_at_a_saved_position_is_not()
    {
        Assert.Equal(840, CreditRule.Decide(Honest with { PlayTime = 1500 }).Jump);
        Assert.Equal(0, CreditRule.Decide(Honest with { PlayTime = 0 }).Jump);
        Assert.Equal(0, CreditRule.Decide(Honest with { PlayTime = 1500, LastPlayTime = null }).Jump);
    }
}
