using System.Collections.Concurrent;

namespace Supervision.Grains.Study;

/// <summary>
/// One instance of each equal value, up to a bound. Unlike <see cref="string.Intern(string)"/> it forgets nothing
/// and remembers no more than <c>capacity</c> values: past the bound a value is kept as it came.
/// </summary>
public sealed class ValueTable<T>(int capacity) where T : class
{
    private readonly ConcurrentDictionary<T, T> values = new();

    public T Of(T value)
    {
        if (values.TryGetValue(value, out var shared))
        {
            return shared;
        }

        return values.Count < capacity ? values.GetOrAdd(value, value) : value;
    }
}
