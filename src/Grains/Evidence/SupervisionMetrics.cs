using System.Diagnostics.Metrics;
using Supervision.Contracts.Evidence;
using Supervision.Grains.Study;

namespace Supervision.Grains.Evidence;

/// <summary>
/// The project's own metrics (meter "Supervision"), counted from the evidence as it is committed: the ledger
/// sees every report, session, check and anomaly, so no grain has to remember to count.
/// </summary>
public sealed class SupervisionMetrics
{
    public const string MeterName = "Supervision";
    private readonly Counter<long> reports;
    private readonly Counter<long> credited;
    private readonly Counter<long> sessions;
    private readonly Counter<long> checks;
    private readonly Counter<long> anomalies;
    private readonly Histogram<int> batchSize;
    private readonly Histogram<double> commitDuration;

    public SupervisionMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        reports = meter.CreateCounter<long>("supervision.study.reports", "{report}", "studyHour reports, by the returnCode they were answered with");
        credited = meter.CreateCounter<long>("supervision.study.credited", "s", "seconds of study credited");
        sessions = meter.CreateCounter<long>("supervision.study.sessions", "{session}", "sessions started and ended (tag event)");
        checks = meter.CreateCounter<long>("supervision.checks", "{check}", "anti-idle checks issued, attempted and passed (tags event, code)");
        anomalies = meter.CreateCounter<long>("supervision.anomalies", "{anomaly}", "anomalies recorded, by kind");
        batchSize = meter.CreateHistogram<int>("supervision.ledger.batch_size", "{write}", "requests committed together in one group commit");
        commitDuration = meter.CreateHistogram<double>("supervision.ledger.commit_duration", "ms", "time to write and commit one group");
    }

    /// <summary>One group commit of <paramref name="writes"/> writes, which took <paramref name="took"/>.</summary>
    public void Batch(int writes, TimeSpan took)
    {
        batchSize.Record(writes);
        commitDuration.Record(took.TotalMilliseconds);
    }

    /// <summary>What one committed write recorded (loops, not queries: it runs for every report).</summary>
    public void Count(LedgerWrite write)
    {
        foreach (var rows in write.Rows)
        {
            foreach (var row in rows.Rows)
            {
                if (row is ReportRow r)
                {
                    reports.Add(1, new KeyValuePair<string, object?>("code", r.Outcome));
                    credited.Add(r.Credited);
                }
            }
        }

        foreach (var e in write.Events)
        {
            switch (e.Kind)
            {
                case EvidenceKind.SessionStart or EvidenceKind.SessionEnd:
                    sessions.Add(1, new KeyValuePair<string, object?>("event", e.Kind));
                    break;
                case EvidenceKind.CheckIssued or EvidenceKind.CheckAttempt or EvidenceKind.CheckPassed:
                    checks.Add(1, new KeyValuePair<string, object?>("event", e.Kind), new KeyValuePair<string, object?>("code", e.Outcome));
                    break;
            }
        }

        foreach (var a in write.Anomalies)
        {
            anomalies.Add(1, new KeyValuePair<string, object?>("kind", a.Kind));
        }
    }
}
