namespace Supervision.DemoPopulation;

/// <summary>
/// The command line (see <see cref="Usage"/>); the operator account's password comes from SUPERVISION_OPERATOR_PASSWORD,
/// never the command line, where every local user could read it.
/// </summary>
public sealed record DemoOptions(Uri Url, string PlatformsUrl, string PhotosUrl, int Learners, TimeSpan Duration, TimeSpan Cadence, int Seed, string Operator, string OperatorPassword, DateTimeOffset? ReplayUntil, double ReplaySpeed)
{
    public const string Usage = """
        Supervision.DemoPopulation: a population that looks real, through the public API and /admin only.
          --url URL             the front (default http://127.0.0.1:5180)
          --platforms-url URL   where the stand-in learning platforms answer 1.12 and 1.14 (default http://127.0.0.1:5190);
                                each learning platform's apiBaseUrl is URL/<its name>/api
          --photos-url URL      where the registered photos are served (default <platforms-url>/photos)
          --learners N          learners (default 300, at least 24)
          --seconds N           how long they study after their first minutes (default 600)
          --cadence-ms N        how often each reports (default 60000, the real player's minute)
          --seed N              the population's names, ID numbers and classes (default 2026)
          --replay-until TIME   the server replays a past day until TIME (ISO 8601; its Supervision:Clock): the
          --replay-speed N      learners study through it at its speed N first (default 60), then on today's clock
        Environment: SUPERVISION_OPERATOR (default demo), an administrator account, and SUPERVISION_OPERATOR_PASSWORD, its password.
        """;

    public static DemoOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : fallback;
        var platforms = Value("--platforms-url") ?? "http://127.0.0.1:5190";
        if (Number("--learners", 300) < Population.MinimumLearners)
            throw new ArgumentException($"--learners: at least {Population.MinimumLearners}, so that every cheat pattern has honest classmates");
        return new DemoOptions(
            new Uri(Value("--url") ?? "http://127.0.0.1:5180"),
            platforms,
            Value("--photos-url") ?? $"{platforms.TrimEnd('/')}/photos",
            Number("--learners", 300),
            TimeSpan.FromSeconds(Number("--seconds", 600)),
            TimeSpan.FromMilliseconds(Number("--cadence-ms", 60_000)),
            Number("--seed", 2026),
            Environment.GetEnvironmentVariable("SUPERVISION_OPERATOR") is { Length: > 0 } account ? account : "demo",
            Environment.GetEnvironmentVariable("SUPERVISION_OPERATOR_PASSWORD") is { Length: > 0 } password ? password
                : throw new ArgumentException("SUPERVISION_OPERATOR_PASSWORD: the operator account's password is required"),
            Value("--replay-until") is { } until ? DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture) : null,
            Number("--replay-speed", 60));
    }
}
