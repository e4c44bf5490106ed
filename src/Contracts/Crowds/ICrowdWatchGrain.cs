namespace Supervision.Contracts.Crowds;

/// <summary>
/// The crowd analysis (docs/study-rules.md "Crowds"): reads the evidence ledger's recent reports and flags the
/// accounts of different people whose study moves in lockstep on one device. One grain (key 0), so the silos'
/// periodic runs do not repeat each other's work.
/// </summary>
public interface ICrowdWatchGrain : IGrainWithIntegerKey
{
    /// <summary>Analyses the last minutes of reports now and raises the flags found.</summary>
    Task<CrowdSweep> Sweep();

    /// <summary>The periodic run: analyses unless a sweep ran within half of <paramref name="interval"/> (another silo's tick).</summary>
    Task<CrowdSweep> SweepIfDue(TimeSpan interval);
}
