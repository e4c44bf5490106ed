namespace Supervision.LoadGen;

/// <summary>Command-line options: --name value pairs.</summary>
/// <param name="Urls">The fronts, from --url (several separated by commas): each learner's platform talks to one of them.</param>
public sealed record LoadOptions(
    IReadOnlyList<Uri> Urls,
    string AdminKey,
    int Learners,
    TimeSpan Cadence,
    TimeSpan Duration,
    TimeSpan WarmUp,
    int Connections,
    bool ClosedLoop,
    int ClassSize,
    bool Raw,
    bool Sweep,
    string Run,
    bool Provision,
    string? PlatformUrl,
    double Cheaters)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string name, string fallback) => values.GetValueOrDefault(name) ?? fallback;
        return new LoadOptions(
            Get("url", "http://127.0.0.1:5080").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u)).ToList(),
            Get("admin-key", Environment.GetEnvironmentVariable("SUPERVISION_ADMIN_KEY") ?? ""),
            int.Parse(Get("learners", "1000")),
            TimeSpan.FromMilliseconds(double.Parse(Get("cadence-ms", "1000"))),
            TimeSpan.FromSeconds(double.Parse(Get("duration-s", "30"))),
            TimeSpan.FromSeconds(double.Parse(Get("warmup-s", "5"))),
            int.Parse(Get("connections", "64")),
            Get("mode", "paced") == "closed",
            int.Parse(Get("class-size", "2000")),
            Get("target", "supervision") == "raw",
            Get("mode", "paced") == "sweep",
            Get("run", DateTime.UtcNow.ToString("MMddHHmmss")),
            Get("provision", "yes") == "yes",
            values.GetValueOrDefault("platform-url"),
            double.Parse(Get("cheaters", "0"), System.Globalization.CultureInfo.InvariantCulture));
    }

    public const string Usage =
        "LoadGen --url http://127.0.0.1:5080[,http://127.0.0.1:5081...] --admin-key KEY --learners 1000 --cadence-ms 1000 --duration-s 30 --warmup-s 5 --connections 64 --mode paced|closed|sweep --class-size 2000 --run ID --provision yes|no [--platform-url URL] [--cheaters 0.1] [--target raw: studyHour only, no provisioning or verification, for the benchmark's baselines]\n" +
        "  several fronts: learner i studies through front i mod N, every class is read back (2.5) through one of them, and --connections is the total;\n" +
        "  sweep: every learner sends one report, as fast as the connections allow, then the rate and latency are printed (no verification);\n" +
        "  --platform-url: the learning platform's API URL its classes are pushed to (1.12; default a host that does not exist);\n" +
        "  --cheaters: the share of learners who claim ten times the seconds that passed (anomalies; they earn only what the clock allows);\n" +
        "  with --run of an earlier run and --provision no it reuses that run's learners, e.g. to time cold activations after a silo restart";
}
