using Supervision.Contracts.Classes;
using Supervision.Contracts.Platforms;

namespace Supervision.WebFront.Apis;

/// <summary>
/// The names the server's sentences (<see cref="AnomalyWording"/>, <see cref="EventWording"/>) use for codes: a platform
/// by its registered name, a video by its title in the class's courses; a code the server has no name for stays the code.
/// The codes stay in the answers' structured fields, and each answer lists the names its sentence used with their codes
/// (<see cref="UsedIn"/>), which the console shows on hover.
/// </summary>
public sealed class SentenceNames
{
    private readonly IReadOnlyDictionary<string, string> platforms;
    private readonly IReadOnlyDictionary<string, string> videos;
    private readonly HashSet<string> asked = new(StringComparer.Ordinal);

    private SentenceNames(IReadOnlyDictionary<string, string> platforms, IReadOnlyDictionary<string, string> videos)
    {
        this.platforms = platforms;
        this.videos = videos;
    }

    /// <summary>No names: every code said as it is.</summary>
    public static SentenceNames CodesOnly() => new(new Dictionary<string, string>(), new Dictionary<string, string>());

    /// <summary>
    /// The names for sentences of <paramref name="classCode"/> (its videos' titles; none when null) and of the platforms
    /// <paramref name="sayAll"/> names: it is run once with no names to learn which platform codes its sentences use, so
    /// that only those platforms are asked for their names.
    /// </summary>
    public static async Task<SentenceNames> ForAsync(IClusterClient grains, string? classCode, Action<SentenceNames> sayAll)
    {
        var asking = CodesOnly();
        sayAll(asking);
        var described = await Task.WhenAll(asking.asked.Select(code => grains.GetGrain<IPlatformGrain>(code).Describe()));
        var platforms = described.OfType<PlatformView>().Where(p => !string.IsNullOrWhiteSpace(p.Name)).ToDictionary(p => p.Code, p => p.Name, StringComparer.Ordinal);
        var view = classCode is null ? null : await grains.GetGrain<IClassGrain>(classCode).Describe();
        var videos = (view?.Courses ?? []).SelectMany(c => c.Chapters).SelectMany(c => c.Resources)
            .Where(r => !string.IsNullOrWhiteSpace(r.Title)).DistinctBy(r => r.ResCode).ToDictionary(r => r.ResCode, r => r.Title!, StringComparer.Ordinal);
        return new SentenceNames(platforms, videos);
    }

    /// <summary>The platform's name, or its code.</summary>
    public string Platform(string? code)
    {
        if (code is null)
            return "";
        asked.Add(code);
        return platforms.GetValueOrDefault(code) ?? code;
    }

    /// <summary>The video as a Chinese sentence names it right after "视频": 《title》, or a space and its code.</summary>
    public string VideoZh(string? resCode) => resCode is not null && videos.TryGetValue(resCode, out var title) ? $"《{title}》" : $" {resCode}";

    /// <summary>The video as an English sentence names it: "title", or its code.</summary>
    public string VideoEn(string? resCode) => resCode is not null && videos.TryGetValue(resCode, out var title) ? $"\"{title}\"" : resCode ?? "";

    /// <summary>The names <paramref name="words"/> say, each with the code it stands for (for the console's hover).</summary>
    public IReadOnlyList<NamedCode> UsedIn(Words words) =>
        platforms.Concat(videos).Where(n => words.Zh.Contains(n.Value, StringComparison.Ordinal) || words.En.Contains(n.Value, StringComparison.Ordinal))
            .Select(n => new NamedCode(n.Key, n.Value)).ToList();
}
