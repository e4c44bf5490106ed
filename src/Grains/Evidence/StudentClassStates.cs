using Npgsql;

namespace Supervision.Grains.Evidence;

/// <summary>Reads a student-class grain's last committed state (the ledger writes it).</summary>
public sealed class StudentClassStates(NpgsqlDataSource dataSource)
{
    public async Task<(long Version, byte[] Payload)?> LoadAsync(string classCode, string studentUserCode)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT version, payload FROM student_class_state WHERE class_code = @class AND student_user_code = @student");
        command.Parameters.AddWithValue("class", classCode);
        command.Parameters.AddWithValue("student", studentUserCode);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), (byte[])reader[1]) : null;
    }
}
