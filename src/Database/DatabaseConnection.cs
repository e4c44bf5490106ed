using Npgsql;

namespace Supervision.Database;

/// <summary>Turns the operator's connection string into the one every process of the cluster uses.</summary>
public static class DatabaseConnection
{
    /// <summary>
    /// Fills in what the operator left unsaid. Resetting a connection on every return to the pool
    /// (DISCARD ALL) and re-parsing each statement roughly halve Orleans' write throughput, and a pool
    /// of 100 per process would exhaust PostgreSQL's default max_connections with two silos.
    /// </summary>
    public static string Tune(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!ContainsKey(connectionString, "No Reset On Close"))
        {
            builder.NoResetOnClose = true;
        }

        if (!ContainsKey(connectionString, "Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!ContainsKey(connectionString, "Maximum Pool Size") && !ContainsKey(connectionString, "Max Pool Size"))
        {
            builder.MaxPoolSize = 16;
        }

        builder.ApplicationName ??= "supervision";
        return builder.ConnectionString;
    }

    private static bool ContainsKey(string connectionString, string key) =>
        connectionString.Contains(key, StringComparison.OrdinalIgnoreCase);
}
