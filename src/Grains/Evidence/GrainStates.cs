using Npgsql;

namespace Supervision.Grains.Evidence;

/// <summary>Reads a grain's last committed state from grain_state (the ledger writes it).</summary>
public sealed class GrainStates(NpgsqlDataSource dataSource)
{
    public async Task<(long Version, byte[] Payload)?> LoadAsync(string kind, string key)
    {
        await using var command = dataSource.CreateCommand("SELECT version, payload FROM grain_state WHERE kind = @kind AND key = @key");
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("key", key);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), (byte[])reader[1]) : null;
    }
}
