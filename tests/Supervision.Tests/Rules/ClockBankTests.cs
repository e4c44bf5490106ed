using Supervision.Grains.Study;

namespace Supervision.Tests.Rules;

public sealed class ClockBankTests
{
    private const int Cap = 600;
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private static ClockBank OpenedAt(DateTimeOffset at)
    {
        var bank = new ClockBank();
        bank.Reopen(at);
        return bank;
    }

    [Fact]
    public void A_new_bank_is_empty_and_holds_only_the_tolerance()
    {
        var bank = OpenedAt(T0);

        Assert.Equal(ClockBank.ToleranceSeconds, bank.Spend(60));
    }

    [Fact]
    public void Time_accrues_second_by_second_and_a_report_spends_it()
    {
        var bank = OpenedAt(T0);

        bank.Accrue(T0.AddSeconds(60.7), Cap);

        Assert.Equal(60, bank.Spend(60));
        bank.Accrue(T0.AddSeconds(61), Cap);
        Assert.Equal(1, bank.Balance); // the 0.7 s left over was kept for the next accrual
    }

    [Fact]
    public void The_tolerance_is_granted_once_not_once_per_report()
    {
        var bank = OpenedAt(T0);
        var taken = 0;
        for (var i = 1; i <= 20; i++)
        {
            bank.Accrue(T0.AddMilliseconds(165 * i), Cap);
            taken += bank.Spend(5);
        }

        Assert.Equal(3 + ClockBank.ToleranceSeconds, taken);
    }

    [Fact]
    public void A_long_silence_fills_the_bank_to_its_cap_only()
    {
        var bank = OpenedAt(T0);

        bank.Accrue(T0.AddMinutes(30), Cap);

        Assert.Equal(Cap + ClockBank.ToleranceSeconds, bank.Spend(1800));
    }

    [Fact]
    public void Reopening_an_accruing_bank_changes_nothing()
    {
        var bank = OpenedAt(T0);
        bank.Accrue(T0.AddSeconds(120), Cap);

        bank.Reopen(T0.AddSeconds(120));

        Assert.Equal(120, bank.Balance);
    }

    [Fact]
    public void A_suspended_bank_stops_accruing_and_forfeits_its_surplus_when_reopened()
    {
        var bank = OpenedAt(T0);
        bank.Suspend(T0.AddSeconds(300), Cap);
        bank.Accrue(T0.AddSeconds(900), Cap);
        Assert.Equal(300, bank.Balance);

        bank.Reopen(T0.AddSeconds(900));
        bank.Accrue(T0.AddSeconds(960), Cap);

        Assert.Equal(60, bank.Balance);
    }

    [Fact]
    public void A_debt_survives_a_suspension()
    {
        var bank = OpenedAt(T0);
        bank.Spend(60);
        bank.Suspend(T0, Cap);

        bank.Reopen(T0.AddSeconds(10));
        bank.Accrue(T0.AddSeconds(70), Cap);

        Assert.Equal(60 - ClockBank.ToleranceSeconds, bank.Balance);
    }
}
