using System.Text.Json.Nodes;
using Npgsql;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Evidence.Details;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Evidence;

/// <summary>
/// The records the grains raise are what the ledger stores and the admin API serves: a learner's study, checks and
/// cheating, driven through the real front, leave rows whose details each read as their kind's record and write back
/// unchanged; and every anomaly is answered in words, not the kind's plain sentence.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TypedDetailsTests(SupervisionCluster system)
{
    private static readonly object CodeEveryMinute = new { videoOnHook = 1, faceTimeLimit = 1, videoOnHookDetail = new { triggerType = 1, triggervValue = 1 } };

    [Fact]
    public async Task Every_row_a_learners_study_writes_reads_as_its_kinds_record_and_is_answered_in_words()
    {
        var learner = await Learner.EnrolAsync(system, CodeEveryMinute, firstVideoSeconds: 3600);
        await learner.StartAsync();
        await learner.PlayMinutesAsync(1);
        var (bizCode, code) = await learner.GetCodeAsync();
        system.Clock.Advance(TimeSpan.FromSeconds(4));
        EnvelopeAssert.Code("1405", await learner.SubmitCodeAsync(bizCode, code == "0000" ? "1111" : "0000"));
        EnvelopeAssert.Code("0", await learner.SubmitCodeAsync(bizCode, code));
        system.Clock.Advance(TimeSpan.FromSeconds(2)); // a replay, not the client's retry of the same envelope
        EnvelopeAssert.Code("1403", await learner.SubmitCodeAsync(bizCode, code));
        system.Clock.Advance(TimeSpan.FromSeconds(10));
        await learner.ReportAsync(960, 10);
        await learner.EndAsync();
        system.Clock.Advance(TimeSpan.FromSeconds(30));
        await learner.ReportAsync(990, 30);
        await learner.StartAsync(learner.SecondVideo);

        var (events, anomalies) = await RowsAsync(learner.ClassCode);
        Assert.Superset(
            new HashSet<string> { EvidenceKind.SessionStart, EvidenceKind.SessionPause, EvidenceKind.SessionResume, EvidenceKind.SessionEnd, EvidenceKind.CheckIssued, EvidenceKind.CheckAttempt, EvidenceKind.CheckPassed },
            events.Select(e => e.Kind).ToHashSet());
        Assert.Superset(new HashSet<string> { AnomalyKind.PositionJump, AnomalyKind.EndAfterJump, AnomalyKind.BizCodeReplayed }, anomalies.Select(a => a.Kind).ToHashSet());
        foreach (var (kind, details) in events)
        {
            if (details is null)
            {
                Assert.Null(DetailsJson.ReadEvidence(kind, "{}"));
                continue;
            }

            var read = DetailsJson.ReadEvidence(kind, details);
            Assert.True(read is not null, $"{kind}: {details} does not read as its record");
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(details), JsonNode.Parse(DetailsJson.Write(read))), $"{kind}: {details} written back as {DetailsJson.Write(read)}");
        }

        foreach (var (kind, details) in anomalies)
        {
            var read = DetailsJson.ReadAnomaly(kind, details!);
            Assert.True(read is not null, $"{kind}: {details} does not read as its record");
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(details!), JsonNode.Parse(DetailsJson.Write(read))), $"{kind}: {details} written back as {DetailsJson.Write(read)}");
        }

        var answered = (await system.AdminAsync(HttpMethod.Get, $"/admin/anomalies?classCode={learner.ClassCode}"))["returnData"]!.AsArray();
        Assert.Equal(anomalies.Count, answered.Count);
        Assert.All(answered, a => Assert.DoesNotContain((string)a!["kind"]!, (string)a["words"]!["en"]!));
        var jump = answered.Single(a => (string?)a!["kind"] == AnomalyKind.PositionJump)!;
        Assert.Equal(960, (int)jump["details"]!["to"]!);
        Assert.StartsWith("the position jumped from 60 s to 960 s while only 10 s were played", (string)jump["words"]!["en"]!);
    }

    private async Task<(List<(string Kind, string? Details)> Events, List<(string Kind, string? Details)> Anomalies)> RowsAsync(string classCode)
    {
        await using var connection = new NpgsqlConnection(system.ConnectionString);
        await connection.OpenAsync();
        return (await ReadAsync(connection, "SELECT kind, details::text FROM evidence_events WHERE class_code = @c", classCode),
            await ReadAsync(connection, "SELECT kind, details::text FROM anomalies WHERE class_code = @c", classCode));
    }

    private static async Task<List<(string Kind, string? Details)>> ReadAsync(NpgsqlConnection connection, string sql, string classCode)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("c", classCode);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string?)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return rows;
    }
}
