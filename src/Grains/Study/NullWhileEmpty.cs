namespace Supervision.Grains.Study;

/// <summary>
/// The short lists a learner's state keeps (closed spans, rejections, code answers, flags, checks issued, earlier
/// passes) are held as null while empty: most learners never fill most of them, and an empty <see cref="List{T}"/>
/// is still 32 bytes a list a learner. They are stored as the empty lists they always were, so the stored bytes do
/// not change, and read through a shared empty list that nothing can change.
/// </summary>
public static class NullWhileEmpty
{
    /// <summary>What the serializer and the copier see: a fresh empty list for none (never a shared one, which the serializer would write as a reference to the first).</summary>
    public static List<T> Stored<T>(List<T>? held) => held ?? [];

    /// <summary>What a state holds of a list read or copied: nothing for an empty one.</summary>
    public static List<T>? Held<T>(List<T>? stored) => stored is { Count: > 0 } ? stored : null;

    /// <summary>What code reads: the list, or a shared empty one.</summary>
    public static IReadOnlyList<T> Read<T>(List<T>? held) => held ?? (IReadOnlyList<T>)Array.Empty<T>();

    /// <summary>Puts <paramref name="item"/> first and forgets what falls beyond <paramref name="kept"/>.</summary>
    public static void InsertFirst<T>(ref List<T>? held, T item, int kept)
    {
        held ??= [];
        held.Insert(0, item);
        if (held.Count > kept)
        {
            held.RemoveRange(kept, held.Count - kept);
        }
    }
}
