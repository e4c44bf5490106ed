using System.Collections.Concurrent;
using HdrHistogram;

namespace Supervision.LoadGen;

/// <summary>Latency per endpoint (HdrHistogram, microseconds) and every answer's returnCode, counted.</summary>
public sealed class Measurements
{
    private readonly ConcurrentDictionary<string, LongConcurrentHistogram> latency = new();
    private readonly ConcurrentDictionary<(string Endpoint, string Code), long> codes = new();

    public bool Recording { get; set; }

    public void Record(string endpoint, TimeSpan elapsed, string code)
    {
        if (!Recording)
        {
            return;
        }

        latency.GetOrAdd(endpoint, _ => new LongConcurrentHistogram(1, 60_000_000, 3)).RecordValue(Math.Max(1, (long)elapsed.TotalMicroseconds));
        codes.AddOrUpdate((endpoint, code), 1, (_, n) => n + 1);
    }

    public long Count(string endpoint) => latency.TryGetValue(endpoint, out var h) ? h.TotalCount : 0;

    public void Print(TimeSpan measured, TextWriter output)
    {
        output.WriteLine($"{"endpoint",-14} {"requests",9} {"req/s",9} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",8}");
        foreach (var (endpoint, h) in latency.OrderBy(e => e.Key))
        {
            output.WriteLine(
                $"{endpoint,-14} {h.TotalCount,9} {h.TotalCount / measured.TotalSeconds,9:F0} {Ms(h, 50),8:F2} {Ms(h, 90),8:F2} {Ms(h, 99),8:F2} {h.GetMaxValue() / 1000.0,8:F2}");
        }

        foreach (var ((endpoint, code), n) in codes.Where(c => c.Key.Code != "0").OrderBy(c => c.Key))
        {
            output.WriteLine($"returnCode {code} on {endpoint}: {n}");
        }
    }

    public double P99Milliseconds(string endpoint) => latency.TryGetValue(endpoint, out var h) ? Ms(h, 99) : 0;

    private static double Ms(HistogramBase h, double percentile) => h.GetValueAtPercentile(percentile) / 1000.0;
}
