namespace Supervision.Grains.Study;

/// <summary>
/// The wall clock of SPEC rule 3 for one student in one class. Time accrues while this class holds the person's
/// live study, paused or playing, up to a cap; reports spend it. Nothing but time adds to it: a start, a pause or
/// a resume does not, so restarting a session earns nothing. The balance may fall to minus the tolerance, which
/// is therefore granted once, not once per report.
/// </summary>
[GenerateSerializer]
public sealed class ClockBank
{
    /// <summary>Slack for clock skew and rounding between the player and the server.</summary>
    public const int ToleranceSeconds = 5;

    [NonSerialized] private long accruedUntil;

    [Id(0)] public int Balance { get; set; }

    /// <summary>Up to when time has been added to <see cref="Balance"/>; null while another class holds the person's study (or before the first start).</summary>
    [Id(1)] public DateTimeOffset? AccruedUntil { get => UtcTicks.At(accruedUntil); set => accruedUntil = UtcTicks.Of(value); }

    public bool Accruing => accruedUntil != 0;

    public ClockBank Copy() => (ClockBank)MemberwiseClone();

    /// <summary>What a report may take now.</summary>
    public int Available => Math.Max(0, Balance + ToleranceSeconds);

    /// <summary>Adds the whole seconds passed since the last accrual, up to the cap; the fraction left waits for the next.</summary>
    public void Accrue(DateTimeOffset now, int capSeconds)
    {
        if (AccruedUntil is not { } until || now <= until)
        {
            return;
        }

        var seconds = (long)(now - until).TotalSeconds;
        Balance = (int)Math.Min(capSeconds, Balance + seconds);
        AccruedUntil = until + TimeSpan.FromSeconds(seconds);
    }

    /// <summary>Takes up to <paramref name="claim"/> seconds; answers how many were taken.</summary>
    public int Spend(int claim)
    {
        var taken = Math.Clamp(claim, 0, Available);
        Balance -= taken;
        return taken;
    }

    /// <summary>Another class took the person's study at <paramref name="at"/>: time from then on is that class's.</summary>
    public void Suspend(DateTimeOffset at, int capSeconds)
    {
        Accrue(at, capSeconds);
        AccruedUntil = null;
    }

    /// <summary>
    /// This class holds the person's study again (or for the first time). A surplus saved while it did not is
    /// forfeit, so that across all of a person's classes credit never outruns the time that passed; a debt stays.
    /// </summary>
    public void Reopen(DateTimeOffset now)
    {
        if (AccruedUntil is null)
        {
            Balance = Math.Min(Balance, 0);
            AccruedUntil = now;
        }
    }
}
