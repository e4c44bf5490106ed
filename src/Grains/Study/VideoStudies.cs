using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Supervision.Grains.Study;

/// <summary>
/// A learner's videos in a class by resCode, in the order first studied: one array of the videos, each knowing its
/// own resCode, where a dictionary held a table and its buckets (176 bytes for one video, against 56). A learner
/// studies a handful of a class's videos at a time, and a lookup compares the codes, mostly the silo's shared
/// instances (<see cref="SharedValues"/>), one by one. Stored as the dictionary it always was
/// (<see cref="StudentClassState"/>).
/// </summary>
public sealed class VideoStudies : IReadOnlyDictionary<string, ResourceStudy>
{
    private ResourceStudy[] videos;

    public VideoStudies()
        : this([])
    {
    }

    private VideoStudies(ResourceStudy[] videos) => this.videos = videos;

    public int Count => videos.Length;

    public IEnumerable<string> Keys => videos.Select(v => v.ResCode);

    public IEnumerable<ResourceStudy> Values => videos;

    public ResourceStudy this[string resCode] =>
        TryGetValue(resCode, out var video) ? video : throw new KeyNotFoundException($"no study of video {resCode}");

    /// <summary>The videos of a stored dictionary, each given its resCode.</summary>
    public static VideoStudies Of(IReadOnlyDictionary<string, ResourceStudy> stored)
    {
        var videos = new ResourceStudy[stored.Count];
        var i = 0;
        foreach (var (resCode, video) in stored)
        {
            video.ResCode = resCode;
            videos[i++] = video;
        }

        return new VideoStudies(videos);
    }

    /// <summary>The dictionary as stored: its comparer and order are those the state was always stored with.</summary>
    public Dictionary<string, ResourceStudy> Stored()
    {
        var stored = new Dictionary<string, ResourceStudy>(videos.Length, StringComparer.Ordinal);
        foreach (var video in videos)
        {
            stored[video.ResCode] = video;
        }

        return stored;
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out ResourceStudy value)
    {
        foreach (var video in videos)
        {
            if (string.Equals(video.ResCode, key, StringComparison.Ordinal))
            {
                value = video;
                return true;
            }
        }

        value = null;
        return false;
    }

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <summary>Adds a video first studied now, on a draft that holds its own copy.</summary>
    public void Add(ResourceStudy video) => videos = [.. videos, video];

    /// <summary>A copy in which <paramref name="video"/> replaces the video of its resCode, the others shared: a report's draft.</summary>
    public VideoStudies With(ResourceStudy video)
    {
        var copy = (ResourceStudy[])videos.Clone();
        for (var i = 0; i < copy.Length; i++)
        {
            if (string.Equals(copy[i].ResCode, video.ResCode, StringComparison.Ordinal))
            {
                copy[i] = video;
            }
        }

        return new VideoStudies(copy);
    }

    public IEnumerator<KeyValuePair<string, ResourceStudy>> GetEnumerator() =>
        videos.Select(v => KeyValuePair.Create(v.ResCode, v)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
