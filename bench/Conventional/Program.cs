using System.Text.Json;
using Npgsql;

// studyHour written the way a typical platform does it, for the benchmark's comparison: one SQL transaction
// per request that reads the session row, applies the same wall-clock budget, updates the row and inserts a
// ledger row. Same envelope, same durability (synchronous commit), no actors.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var connectionString = new NpgsqlConnectionStringBuilder(builder.Configuration["SUPERVISION_DB"]!) { MaxPoolSize = 64, NoResetOnClose = true, MaxAutoPrepare = 16 }.ConnectionString;
await using var dataSource = NpgsqlDataSource.Create(connectionString);
await using (var schema = dataSource.CreateCommand(
    """
    CREATE TABLE IF NOT EXISTS conventional_session (class_code text, student_user_code text, res_code text,
        started_at timestamptz NOT NULL, clocked integer NOT NULL, credited integer NOT NULL,
        PRIMARY KEY (class_code, student_user_code, res_code));
    CREATE TABLE IF NOT EXISTS conventional_ledger (id bigserial PRIMARY KEY, at timestamptz NOT NULL, class_code text,
        student_user_code text, res_code text, play_time integer, progress_time integer, credited integer);
    """))
{
    await schema.ExecuteNonQueryAsync();
}

var app = builder.Build();
app.MapPost("/{**path}", async (HttpContext context) =>
{
    using var envelope = await JsonDocument.ParseAsync(context.Request.Body);
    var data = envelope.RootElement.GetProperty("data");
    var classCode = data.GetProperty("classCode").GetString()!;
    var student = data.GetProperty("studentUserCode").GetString()!;
    var resCode = data.GetProperty("resCode").GetString()!;
    var progress = data.GetProperty("progressTime").GetInt32();
    var playTime = data.GetProperty("playTime").GetInt32();
    var now = DateTime.UtcNow;

    await using var connection = await dataSource.OpenConnectionAsync();
    await using var transaction = await connection.BeginTransactionAsync();
    await using var read = new NpgsqlCommand(
        """
        INSERT INTO conventional_session VALUES (@c, @s, @r, @now, 0, 0) ON CONFLICT DO NOTHING;
        SELECT started_at, clocked FROM conventional_session WHERE class_code = @c AND student_user_code = @s AND res_code = @r FOR UPDATE
        """, connection, transaction);
    read.Parameters.AddWithValue("c", classCode);
    read.Parameters.AddWithValue("s", student);
    read.Parameters.AddWithValue("r", resCode);
    read.Parameters.AddWithValue("now", now);
    DateTime startedAt;
    int clocked;
    await using (var reader = await read.ExecuteReaderAsync())
    {
        await reader.ReadAsync();
        startedAt = reader.GetDateTime(0);
        clocked = reader.GetInt32(1);
    }

    var budget = Math.Max(0, (int)(now - startedAt).TotalSeconds + 5 - clocked);
    var credited = Math.Min(progress, budget);
    await using var write = new NpgsqlCommand(
        """
        UPDATE conventional_session SET clocked = clocked + @k, credited = credited + @k WHERE class_code = @c AND student_user_code = @s AND res_code = @r;
        INSERT INTO conventional_ledger (at, class_code, student_user_code, res_code, play_time, progress_time, credited) VALUES (@now, @c, @s, @r, @p, @g, @k)
        """, connection, transaction);
    write.Parameters.AddWithValue("k", credited);
    write.Parameters.AddWithValue("c", classCode);
    write.Parameters.AddWithValue("s", student);
    write.Parameters.AddWithValue("r", resCode);
    write.Parameters.AddWithValue("now", now);
    write.Parameters.AddWithValue("p", playTime);
    write.Parameters.AddWithValue("g", progress);
    await write.ExecuteNonQueryAsync();
    await transaction.CommitAsync();
    await context.Response.WriteAsJsonAsync(new { returnCode = "0", returnMsg = "success", returnData = new { credited } });
});

app.Run();
