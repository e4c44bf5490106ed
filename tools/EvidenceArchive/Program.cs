using Npgsql;
using Supervision.EvidenceArchive;

// Exit codes: 0 done, 1 refused (nothing changed), 2 bad arguments, 3 the database failed.
ArchiveCommand command;
try
{
    command = ArchiveCommand.Parse(args, Environment.GetEnvironmentVariable);
}
catch (Exception e) when (e is FormatException or ArgumentException)
{
    Console.Error.WriteLine($"evidence-archive: {e.Message}");
    Console.Error.WriteLine(ArchiveCommand.Usage);
    return 2;
}

try
{
    await using var dataSource = NpgsqlDataSource.Create(command.ConnectionString);
    var archive = new MonthArchive(dataSource, command.Root, command.Retention, TimeProvider.System);
    await command.RunAsync(archive, Console.Out);
    return 0;
}
catch (ArchiveRefusedException e)
{
    Console.Error.WriteLine($"evidence-archive: refused: {e.Message}");
    return 1;
}
catch (Exception e) when (e is NpgsqlException or IOException or UnauthorizedAccessException or ArgumentException)
{
    // The message alone: a server error's detail can quote a row, and rows hold ID numbers and names.
    Console.Error.WriteLine($"evidence-archive: failed: {e.GetType().Name}: {e.Message}");
    return 3;
}
