using Supervision.Database.Partitions;

namespace Supervision.EvidenceArchive;

/// <summary>One invocation of the archive command, read from its arguments and the environment.</summary>
public sealed record ArchiveCommand(string Verb, EvidenceMonth Month, string Root, string ConnectionString, RetentionRule Retention)
{
    public static readonly IReadOnlyList<string> Verbs = ["archive", "export", "verify", "drop", "restore"];

    public const string Usage = """
        usage: evidence-archive <archive|export|verify|drop|restore> --month yyyy-MM --dir <archive folder>
                                [--db <connection string>] [--online-months N]
          archive   export the month's partitions to files, verify them, then detach and drop the partitions
          export    only write the files and their manifest (to copy them away before dropping)
          verify    check the files against their manifest, and against the partitions still online
          drop      verify, then detach and drop the partitions
          restore   verify, then copy the files back into the month's partitions
        The database is --db or SUPERVISION_DB. Months younger than --online-months (or
        SUPERVISION_EVIDENCE_ONLINE_MONTHS; 12 unless set) are refused, and always the current month.
        """;

    public static ArchiveCommand Parse(IReadOnlyList<string> arguments, Func<string, string?> environment)
    {
        if (arguments.Count == 0 || !Verbs.Contains(arguments[0]))
            throw new FormatException(arguments.Count == 0 ? "no command given." : $"'{arguments[0]}' is not a command.");
        var options = new Dictionary<string, string>();
        for (var i = 1; i < arguments.Count; i += 2)
        {
            if (arguments[i] is not ("--month" or "--dir" or "--db" or "--online-months"))
                throw new FormatException($"'{arguments[i]}' is not an option.");
            if (i + 1 >= arguments.Count)
                throw new FormatException($"{arguments[i]} needs a value.");
            options[arguments[i]] = arguments[i + 1];
        }

        var month = EvidenceMonth.Parse(options.GetValueOrDefault("--month") ?? throw new FormatException("--month is required."));
        var root = options.GetValueOrDefault("--dir") ?? throw new FormatException("--dir is required.");
        var connectionString = options.GetValueOrDefault("--db") ?? environment("SUPERVISION_DB")
            ?? throw new FormatException("no database: give --db or set SUPERVISION_DB.");
        var retention = RetentionRule.From(options.GetValueOrDefault("--online-months") ?? environment(RetentionRule.Setting));
        return new ArchiveCommand(arguments[0], month, root, connectionString, retention);
    }

    public async Task<ArchiveManifest> RunAsync(MonthArchive archive, TextWriter report, CancellationToken cancellationToken = default) => Verb switch
    {
        "archive" => await archive.ArchiveAsync(Month, report, cancellationToken),
        "export" => await archive.ExportAsync(Month, report, cancellationToken),
        "verify" => await archive.VerifyAsync(Month, report, cancellationToken),
        "drop" => await archive.DropAsync(Month, report, cancellationToken),
        "restore" => await archive.RestoreAsync(Month, report, cancellationToken),
        _ => throw new FormatException($"'{Verb}' is not a command."),
    };
}
