using System.Diagnostics;
using Npgsql;
using Supervision.Grains.Crowds;

// One crowd sweep over the ledger bench/crowd-sweep.sh loaded, with the silo's reader and tally and its default
// settings: what it read, what it found, how long it took and the memory it needed.
// Arguments: connection string, the sweep's instant (ISO 8601).
var until = DateTimeOffset.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
var settings = new CrowdOptions();
await using var dataSource = NpgsqlDataSource.Create(args[0]);
var reader = new CoincidenceReader(dataSource);
var (runs, events) = (0L, 0L);

async IAsyncEnumerable<CoincidenceRun> Counted(IAsyncEnumerable<CoincidenceRun> all)
{
    await foreach (var run in all)
    {
        runs++;
        events += run.Events.Count;
        yield return run;
    }
}

var clock = Stopwatch.StartNew();
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var findings = await LockstepGroups.FindAsync(
    Counted(reader.ReadAsync(until - settings.Lookback, until - settings.AnswerLookback, until, settings.Window)),
    settings.Window, settings.MinCoincidences, settings.MinAnswerCoincidences, settings.MinPeople, settings.MaxPairs);
var elapsed = clock.Elapsed;
var sweepCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
var peak = Process.GetCurrentProcess().PeakWorkingSet64;

Console.WriteLine(
    $"crowd sweep: {events:N0} coinciding events in {runs:N0} runs; {findings.PairsTallied:N0} pairs tallied{(findings.Bounded ? " (the bound)" : "")}, {findings.AccountsPassedOver:N0} accounts passed over; "
    + $"{findings.Groups.Count} crowds, {findings.Groups.Sum(g => g.Count):N0} accounts flagged; "
    + $"{elapsed.TotalSeconds:F1} s, sweep process CPU {sweepCpu.TotalSeconds:F1} s, peak RSS {peak / 1048576:N0} MB");
