using System.Collections.Concurrent;

namespace Supervision.WebFront.Keys;

/// <summary>
/// Keys a front has found stored, so that it looks each up once rather than on every request. Only found keys are
/// kept (a guess is looked up each time, and kept nowhere), at most <c>capacity</c> of them: when full the set is
/// emptied and refilled by the requests that follow, so a front's memory for this stays bounded whatever is asked.
/// </summary>
/// <remarks>
/// A key is remembered as its 128-bit keyed hash (<see cref="SipHash128"/>, this process's own key), not as its text:
/// 16 bytes in place of a string of some 60 characters a learner, and no string made a request. A text that is not
/// found yet passes for one that is only if the two collide under a key nobody outside the process knows.
/// </remarks>
public sealed class RememberedKeys(int capacity)
{
    /// <summary>Longer texts are hashed from the heap; a request's codes are far shorter.</summary>
    private const int StackChars = 256;

    private readonly SipHash128 hash = new();
    private readonly ConcurrentDictionary<UInt128, byte> keys = new();

    /// <summary>The key of <paramref name="parts"/> joined by line breaks.</summary>
    public UInt128 KeyOf(params ReadOnlySpan<string> parts)
    {
        var length = parts.Length - 1;
        foreach (var part in parts)
        {
            length += part.Length;
        }

        var text = length <= StackChars ? stackalloc char[length] : new char[length];
        var at = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                text[at++] = '\n';
            }

            parts[i].CopyTo(text[at..]);
            at += parts[i].Length;
        }

        return hash.Of(text);
    }

    public bool Contains(UInt128 key) => keys.ContainsKey(key);

    public void Add(UInt128 key)
    {
        if (keys.Count >= capacity)
        {
            keys.Clear();
        }

        keys.TryAdd(key, 0);
    }
}
