using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Supervision.Grains.Evidence;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Delivery;

/// <summary>
/// What the silos of one system measure on the "Supervision" meter from now on. The silos run in the test
/// process, so a listener also hears the clusters of other collections running alongside: it keeps only the
/// meters made by these silos' own IMeterFactory.
/// </summary>
public sealed class SiloMeasurements : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> measured = new();

    public SiloMeasurements(SupervisionCluster system)
    {
        var factories = system.Cluster.Silos
            .Select(silo => ((InProcessSiloHandle)silo).ServiceProvider.GetRequiredService<IMeterFactory>())
            .ToList();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SupervisionMetrics.MeterName && factories.Contains(instrument.Meter.Scope))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Keep(instrument, value, tags));
        listener.Start();
    }

    /// <summary>The sum of what <paramref name="instrument"/> measured with all of <paramref name="tags"/>.</summary>
    public double Sum(string instrument, params (string Key, string Value)[] tags) => Matching(instrument, tags).Sum();

    public IReadOnlyList<double> Values(string instrument, params (string Key, string Value)[] tags) => Matching(instrument, tags).ToList();

    /// <summary>Asks every observable instrument (gauges) for its current value, which then counts as measured.</summary>
    public void Observe() => listener.RecordObservableInstruments();

    public void Dispose() => listener.Dispose();

    private IEnumerable<double> Matching(string instrument, (string Key, string Value)[] tags) =>
        measured
            .Where(m => m.Instrument == instrument && tags.All(tag => Equals(m.Tags.GetValueOrDefault(tag.Key), tag.Value)))
            .Select(m => m.Value);

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        measured.Enqueue((instrument.Name, value, new Dictionary<string, object?>(tags.ToArray())));
}
