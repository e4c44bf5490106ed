namespace Supervision.Grains;

public static class LastOccurrence
{
    /// <summary>Senders repeat entries (the seed's own examples do); the last occurrence of a code wins, in first-seen order.</summary>
    public static List<T> ByCode<T>(IEnumerable<T> items, Func<T, string> code)
    {
        var last = new Dictionary<string, T>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var item in items)
        {
            var key = code(item);
            if (!last.ContainsKey(key))
            {
                order.Add(key);
            }

            last[key] = item;
        }

        return order.Select(c => last[c]).ToList();
    }
}
