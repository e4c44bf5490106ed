using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Supervision.Contracts;
using Supervision.Contracts.Crowds;
using Supervision.Contracts.Study;

namespace Supervision.Grains.Crowds;

/// <summary>
/// Sweeps the last <see cref="CrowdOptions.Lookback"/> of reports (and <see cref="CrowdOptions.AnswerLookback"/> of check answers) for crowds and asks each account found to raise
/// its flag. Off the hot path: it reads the ledger, and calls a student-class only for an account it flags.
/// </summary>
public sealed class CrowdWatchGrain(
    CoincidenceReader coincidences,
    IOptions<CrowdOptions> options,
    ILogger<CrowdWatchGrain> logger,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time) : Grain, ICrowdWatchGrain
{
    private CrowdSweep? last;

    public async Task<CrowdSweep> Sweep()
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var findings = await LockstepGroups.FindAsync(
            coincidences.ReadAsync(now - settings.Lookback, now - settings.AnswerLookback, now, settings.Window),
            settings.Window, settings.MinCoincidences, settings.MinAnswerCoincidences, settings.MinPeople, settings.MaxPairs);
        if (findings.Bounded)
        {
            logger.LogWarning(
                "Crowd sweep tallied its bound of {Pairs} pairs of accounts (Supervision:Crowds:MaxPairs): {PassedOver} accounts seen coinciding only in other pairs were not looked at",
                findings.PairsTallied, findings.AccountsPassedOver);
        }

        var groups = findings.Groups;
        var flagged = 0;
        foreach (var (account, flag) in groups.SelectMany(g => g))
        {
            var raised = await GrainFactory.GetGrain<IStudentClassGrain>(account).RaiseCrowdFlag(flag);
            flagged += raised ? 1 : 0;
        }

        if (flagged > 0)
        {
            logger.LogWarning("Crowd sweep flagged {Flagged} accounts in {Groups} lockstep groups", flagged, groups.Count);
        }

        last = new CrowdSweep(now, groups.Select(g => (IReadOnlyList<string>)g.Keys.Order(StringComparer.Ordinal).ToList()).ToList(), flagged);
        return last;
    }

    public Task<CrowdSweep> SweepIfDue(TimeSpan interval) =>
        last is { } previous && time.GetUtcNow() - previous.At < interval / 2 ? Task.FromResult(previous) : Sweep();
}
