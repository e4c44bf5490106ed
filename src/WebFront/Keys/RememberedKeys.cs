using System.Collections.Concurrent;

namespace Supervision.WebFront.Keys;

/// <summary>
/// Keys a front has found stored, so that it looks each up once rather than on every request. Only found keys are
/// kept (a guess is looked up each time, and kept nowhere), at most <c>capacity</c> of them: when full the set is
/// emptied and refilled by the requests that follow, so a front's memory for this stays bounded whatever is asked.
/// </summary>
public sealed class RememberedKeys(int capacity)
{
    private readonly ConcurrentDictionary<string, byte> keys = new(StringComparer.Ordinal);

    public bool Contains(string key) => keys.ContainsKey(key);

    public void Add(string key)
    {
        if (keys.Count >= capacity)
        {
            keys.Clear();
        }

        keys.TryAdd(key, 0);
    }
}
