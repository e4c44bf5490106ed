using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Supervision.Tests.Infrastructure;

/// <summary>Silo configurators are created by type, so each cluster finds its test's clock here by name.</summary>
public static class TestClocks
{
    private static readonly ConcurrentDictionary<string, FakeTimeProvider> Clocks = new();

    public static (string Name, FakeTimeProvider Clock) Create()
    {
        var name = Guid.NewGuid().ToString("N");
        // A fixed, known instant: 2026-03-01 09:00 in China Standard Time.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero));
        Clocks[name] = clock;
        return (name, clock);
    }

    public static FakeTimeProvider Get(string name) => Clocks[name];
}
