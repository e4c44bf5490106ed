using System.Net;
using Npgsql;
using Supervision.Contracts;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Faults;

/// <summary>
/// One learner's grain active on both sides of a split (<see cref="SplitClusters"/>): the side that took over writes
/// on, and the stale side still answers, but none of its writes is acknowledged, none of its rows is stored or
/// replayed, and 2.5 holds exactly the seconds acknowledged with "0". And a batch of the ledger the database refuses
/// for one write's sake commits all the others.
/// </summary>
public sealed class StaleActivationTests(SplitClusters split) : IClassFixture<SplitClusters>
{
    [Fact]
    public async Task A_stale_activation_is_refused_and_nothing_it_wrote_is_credited_or_replayed()
    {
        var (a, b) = (split.A, split.B);
        var onA = await Learner.EnrolAsync(a);
        var onB = new Learner(b, onA.Platforms, onA.ClassCode, onA.StudentUserCode, onA.CardNo);
        EnvelopeAssert.Code("0", await onA.StartAsync());
        var acknowledged = (await onA.PlayMinutesAsync(2)).Sum(Learner.Credited);

        // Side A is cut off: the platform's calls reach side B, whose activation loads the stored state and takes over.
        acknowledged += (await onB.PlayMinutesAsync(3, fromPosition: 120)).Sum(Learner.Credited);

        // Side A's activation, still alive, holds the state of minute 2: its write loses the version check.
        a.Clock.Advance(TimeSpan.FromSeconds(60));
        var (status, stale) = await a.PostEnvelopeForStatusAsync("/api/v1/studyHour", Minute(onA, 360), onA.Platforms.LearningToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        EnvelopeAssert.Code(ReturnCode.StaleWrite, stale);

        // The platform sends the same report again, and it reaches side B: credited once.
        var resent = await onB.ReportAsync(360, 60);
        EnvelopeAssert.Code("0", resent);
        acknowledged += Learner.Credited(resent);
        Assert.Equal(6 * 60, acknowledged);

        // Stored: one row per committed version, up to the grain's committed version, summing to what was acknowledged.
        var (rows, versions, credited, lastVersion, committed) = await ReportRowsAsync(a, onA);
        Assert.Equal(6, rows);
        Assert.Equal(rows, versions);
        Assert.Equal(acknowledged, credited);
        Assert.Equal(committed, lastVersion);

        // 2.5 on side B from its live activation, and on side A from a new activation that replayed the stored rows.
        Assert.Equal(acknowledged, await onB.StudyRecordAsync());
        Assert.Equal(acknowledged, await onA.StudyRecordAsync());
    }

    [Fact]
    public async Task A_write_the_database_refuses_fails_alone_and_the_rest_of_its_batch_commits()
    {
        var system = split.A;
        var learners = new List<Learner>();
        for (var i = 0; i < 6; i++)
        {
            var learner = await Learner.EnrolAsync(system);
            EnvelopeAssert.Code("0", await learner.StartAsync());
            learners.Add(learner);
        }

        var poisoned = learners[^1];
        var session = await SessionAsync(system, poisoned);
        await using var fault = await InjectedFault.RefuseAsync(system.ConnectionString, "refuse_" + Guid.NewGuid().ToString("N"), "study_reports", $"NEW.session_id = '{session}'");
        system.Clock.Advance(TimeSpan.FromSeconds(60));

        // The ledger's writer is held on a first batch, so that the other reports queue behind it and commit as one batch.
        await using var hold = new NpgsqlConnection(system.ConnectionString);
        await hold.OpenAsync();
        await using var held = await hold.BeginTransactionAsync();
        await using (var lockVersions = new NpgsqlCommand("LOCK TABLE grain_versions IN EXCLUSIVE MODE", hold, held))
        {
            await lockVersions.ExecuteNonQueryAsync();
        }

        var first = learners[0].ReportAsync(60, 60);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var logged = system.Logs.Lines.Count;
        var rest = learners.Skip(1).Select(l => system.PostEnvelopeForStatusAsync("/api/v1/studyHour", Minute(l, 60), l.Platforms.LearningToken)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await held.RollbackAsync();

        EnvelopeAssert.Code("0", await first);
        var answers = await Task.WhenAll(rest);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, ReturnCode.Unavailable), (answers[^1].Status, (string?)answers[^1].Answer["returnCode"]));
        Assert.All(answers[..^1], a => EnvelopeAssert.Code("0", a.Answer));
        Assert.Contains(system.Logs.Lines.Skip(logged), line => line.Contains("committing its halves apart"));
        foreach (var learner in learners[..^1])
        {
            Assert.Equal(60, await learner.StudyRecordAsync());
        }

        Assert.Equal(0, await poisoned.StudyRecordAsync() ?? 0);
    }

    private static object Minute(Learner learner, int playTime) => new
    {
        studyPlatformCode = learner.Platforms.LearningCode,
        resCode = learner.FirstVideo,
        playTime = playTime.ToString(),
        progressTime = 60,
        studentUserCode = learner.StudentUserCode,
        classCode = learner.ClassCode,
        courseCode = learner.CourseCode,
    };

    private static async Task<Guid> SessionAsync(SupervisionCluster system, Learner learner)
    {
        await using var connection = new NpgsqlConnection(system.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT session_id FROM evidence_events WHERE kind = 'session_start' AND class_code = @c AND student_user_code = @s", connection);
        command.Parameters.AddWithValue("c", learner.ClassCode);
        command.Parameters.AddWithValue("s", learner.StudentUserCode);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<(long Rows, long Versions, long Credited, long LastVersion, long Committed)> ReportRowsAsync(SupervisionCluster system, Learner learner)
    {
        await using var connection = new NpgsqlConnection(system.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*), count(DISTINCT version), coalesce(sum(credited), 0), coalesce(max(version), 0),
                   (SELECT version FROM grain_versions WHERE kind = 'student_class' AND key = @c || '/' || @s)
            FROM study_reports WHERE session_id = @session
            """, connection);
        command.Parameters.AddWithValue("c", learner.ClassCode);
        command.Parameters.AddWithValue("s", learner.StudentUserCode);
        command.Parameters.AddWithValue("session", await SessionAsync(system, learner));
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt32(3), reader.GetInt64(4));
    }
}
