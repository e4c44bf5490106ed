using Npgsql;

namespace Supervision.Tests.Infrastructure;

/// <summary>Reads the evidence ledger straight from PostgreSQL, to hold the grains' answers against it.</summary>
public static class Ledger
{
    public static async Task<Dictionary<(string Student, string Res), long>> CreditedAsync(SupervisionCluster system, string classCode)
    {
        await using var connection = new NpgsqlConnection(system.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT student_user_code, res_code, sum(credited) FROM report_evidence WHERE class_code = @c GROUP BY 1, 2", connection);
        command.Parameters.AddWithValue("c", classCode);
        var rows = new Dictionary<(string, string), long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        }

        return rows;
    }

    /// <summary>How many evidence rows of <paramref name="kind"/> name the bizCode (check_issued, check_attempt, check_passed).</summary>
    public static Task<long> CheckEventsAsync(SupervisionCluster system, string kind, string bizCode) =>
        CountAsync(system, "SELECT count(*) FROM evidence_events WHERE kind = @k AND details->>'bizCode' = @b", ("k", kind), ("b", bizCode));

    /// <summary>Writes straight to the database, as an earlier release or a tamperer would have.</summary>
    public static async Task ExecuteAsync(SupervisionCluster system, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(system.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> CountAsync(SupervisionCluster system, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(system.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
