using Npgsql;
using Supervision.Contracts;

namespace Supervision.WebFront.Keys;

/// <summary>
/// Looks a request's key up in the committed tables before any grain is called for it, and answers the refusal the
/// grain would have given: a class or a roster student code nobody registered, or an ID number no platform did,
/// activates nothing and stores nothing. A class listed without its platforms (stored before they were listed, and
/// not yet filled in) is left to the class to judge, as before.
/// </summary>
public sealed class StoredKeys(NpgsqlDataSource dataSource, FrontOptions options)
{
    private readonly RememberedKeys found = new(options.RememberedKeys);

    /// <summary>
    /// 1.3–1.10: the class exists, is taught by <paramref name="learningPlatformCode"/>, and
    /// <paramref name="studentUserCode"/> was on its roster; otherwise the class's own refusal (1201, 1105, 1202).
    /// </summary>
    public ValueTask RequireStudentOfClassAsync(string classCode, string studentUserCode, string learningPlatformCode, CancellationToken cancellationToken)
    {
        // Every report asks this; a key found before is answered here, without the lookup's state machine and closures.
        var key = found.KeyOf("student", learningPlatformCode, classCode, studentUserCode);
        return found.Contains(key) ? ValueTask.CompletedTask : LookUpStudentOfClassAsync(key, classCode, studentUserCode, learningPlatformCode, cancellationToken);
    }

    private async ValueTask LookUpStudentOfClassAsync(UInt128 key, string classCode, string studentUserCode, string learningPlatformCode, CancellationToken cancellationToken)
    {
        var (listed, teacher, onRoster) = await ReadAsync(
            """
            SELECT true, d.learning_platform_code,
                   EXISTS (SELECT 1 FROM class_roster_codes r WHERE r.class_code = d.class_code AND r.student_user_code = @student)
              FROM class_directory d WHERE d.class_code = @class
            """,
            command =>
            {
                command.Parameters.AddWithValue("class", classCode);
                command.Parameters.AddWithValue("student", studentUserCode);
            },
            reader => (true, reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetBoolean(2)),
            (false, (string?)null, false),
            cancellationToken);
        if (!listed)
        {
            throw NoClass(classCode);
        }

        if (teacher is null)
        {
            return;
        }

        if (teacher != learningPlatformCode)
        {
            throw new EnvelopeRejection(ReturnCode.ForeignPlatform, $"classCode: class {classCode} is taught by another learning platform");
        }

        if (!onRoster)
        {
            throw new EnvelopeRejection(ReturnCode.StudentNotFound, $"studentUserCode: {studentUserCode} is not on the roster of class {classCode}");
        }

        found.Add(key);
    }

    /// <summary>
    /// 2.5: the class exists and is <paramref name="businessPlatformCode"/>'s. Another platform's class is refused
    /// exactly as a class nobody registered (1201, the same words), so a platform learns nothing of others' codes.
    /// </summary>
    public async ValueTask RequireOwnClassAsync(string classCode, string businessPlatformCode, CancellationToken cancellationToken)
    {
        if (await ClassOwnerAsync(classCode, cancellationToken) is not { } owner || (owner.Length > 0 && owner != businessPlatformCode))
        {
            throw NoClass(classCode);
        }
    }

    /// <summary>
    /// The business platform a class belongs to: null when no class has the code, "" when the class is listed without
    /// it (the class itself knows).
    /// </summary>
    public async ValueTask<string?> ClassOwnerAsync(string classCode, CancellationToken cancellationToken)
    {
        return await ReadAsync(
            "SELECT coalesce(business_platform_code, '') FROM class_directory WHERE class_code = @class",
            command => command.Parameters.AddWithValue("class", classCode),
            reader => reader.GetString(0),
            null,
            cancellationToken);
    }

    /// <summary>How many classes <paramref name="businessPlatformCode"/> has registered.</summary>
    public async ValueTask<long> ClassCountAsync(string businessPlatformCode, CancellationToken cancellationToken)
    {
        return await ReadAsync(
            "SELECT count(*) FROM class_directory WHERE business_platform_code = @business",
            command => command.Parameters.AddWithValue("business", businessPlatformCode),
            reader => reader.GetInt64(0),
            0L,
            cancellationToken);
    }

    /// <summary>1.2, 1.11: some platform registered a person under this key (the HMAC of the ID number); otherwise 1202.</summary>
    public async ValueTask RequirePersonAsync(string personKey, CancellationToken cancellationToken)
    {
        var key = found.KeyOf("person", personKey);
        if (found.Contains(key))
        {
            return;
        }

        var registered = await ReadAsync(
            // A person stored before versions were kept (or moved under a new key by a migration) has state but no version row.
            """
            SELECT EXISTS (SELECT 1 FROM grain_versions WHERE kind = 'student' AND key = @key)
                OR EXISTS (SELECT 1 FROM grain_state WHERE kind = 'student' AND key = @key)
            """,
            command => command.Parameters.AddWithValue("key", personKey),
            reader => reader.GetBoolean(0),
            false,
            cancellationToken);
        if (!registered)
        {
            throw new EnvelopeRejection(ReturnCode.StudentNotFound, "cardNo: no student taught by this platform is registered under this ID number");
        }

        found.Add(key);
    }

    /// <summary>
    /// An operator's route on a learner: the learner is on the class's roster, or was (a grain of theirs committed
    /// state); otherwise 1202, before any grain is asked.
    /// </summary>
    public async ValueTask RequireLearnerAsync(string classCode, string studentUserCode, CancellationToken cancellationToken)
    {
        var known = await ReadAsync(
            """
            SELECT EXISTS (SELECT 1 FROM class_roster_codes WHERE class_code = @class AND student_user_code = @student)
                OR EXISTS (SELECT 1 FROM grain_versions WHERE kind = 'student_class' AND key = @key)
                OR EXISTS (SELECT 1 FROM grain_state WHERE kind = 'student_class' AND key = @key)
            """,
            command =>
            {
                command.Parameters.AddWithValue("class", classCode);
                command.Parameters.AddWithValue("student", studentUserCode);
                command.Parameters.AddWithValue("key", Supervision.Contracts.Study.StudentClassKey.Of(classCode, studentUserCode));
            },
            reader => reader.GetBoolean(0),
            false,
            cancellationToken);
        if (!known)
        {
            throw new EnvelopeRejection(ReturnCode.StudentNotFound, $"studentUserCode: {studentUserCode} was never on the roster of class {classCode}");
        }
    }

    /// <summary>An operator's route on a check photo (a face review): the photo was stored; otherwise 1003, before any grain is asked.</summary>
    public async ValueTask RequireCheckPhotoAsync(long photoId, CancellationToken cancellationToken)
    {
        var stored = await ReadAsync(
            "SELECT true FROM check_photos WHERE id = @id",
            command => command.Parameters.AddWithValue("id", photoId),
            reader => reader.GetBoolean(0),
            false,
            cancellationToken);
        if (!stored)
        {
            throw new EnvelopeRejection(ReturnCode.InvalidField, $"photoId: no check photo {photoId}");
        }
    }

    /// <summary>An operator's route on a class: some business platform registered it; otherwise 1201, before any grain is asked.</summary>
    public async ValueTask RequireClassAsync(string classCode, CancellationToken cancellationToken)
    {
        if (await ClassOwnerAsync(classCode, cancellationToken) is null)
        {
            throw NoClass(classCode);
        }
    }

    /// <summary>
    /// The first row of <paramref name="sql"/> read by <paramref name="read"/>, or <paramref name="none"/>. After a
    /// database restart the pool still holds connections to the old server, which fail on first use: a transient
    /// failure empties the pool and the query is asked once more, on a fresh connection.
    /// </summary>
    private async Task<T> ReadAsync<T>(string sql, Action<NpgsqlCommand> bind, Func<NpgsqlDataReader, T> read, T none, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var command = dataSource.CreateCommand(sql);
                bind(command);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken) ? read(reader) : none;
            }
            catch (NpgsqlException e) when (e.IsTransient && attempt == 1)
            {
                dataSource.Clear();
            }
        }
    }

    private static EnvelopeRejection NoClass(string classCode) => new(ReturnCode.ClassNotFound, $"classCode: no class {classCode}");
}
