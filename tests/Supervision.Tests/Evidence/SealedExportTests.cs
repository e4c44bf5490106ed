using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;
using Supervision.EvidenceChain;
using Supervision.EvidenceVerifier;
using Supervision.Grains.Evidence;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Evidence;

/// <summary>
/// A class's evidence leaves as a bundle an auditor verifies offline: learners study on a real cluster, the China day
/// is sealed once across both silos, and they study on. The export verifies; one record changed, removed, inserted,
/// or two swapped — in the database before the export, or in the bundle after it — fails, naming the record.
/// </summary>
public sealed class SealedExportTests(SealedExportTests.StudiedAndSealed fixture) : IClassFixture<SealedExportTests.StudiedAndSealed>
{
    private SupervisionCluster System => fixture.System;

    [Fact]
    public async Task A_real_export_verifies_offline_with_its_first_day_sealed_and_names_the_key_that_signed_it()
    {
        var lines = await ExportAsync(fixture.Learners[0].ClassCode);

        var result = BundleVerifier.Verify(lines, fixture.KeyFingerprint);

        Assert.True(result.Passed, string.Join("\n", result.Problems));
        Assert.Equal(fixture.KeyFingerprint, Assert.Single(result.Keys));
        Assert.Contains(result.Notes, n => n.Contains("sealed by the seals of 2026-03-01", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("written after their chain's last seal", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"type\":\"report\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"type\":\"anomaly\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"type\":\"proof\"", StringComparison.Ordinal));
        var other = BundleVerifier.Verify(lines, new string('0', 64));
        Assert.False(other.Passed);
        Assert.Contains("not the expected", other.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_script_verifies_a_bundle_file_with_no_server_and_fails_a_changed_one_with_a_non_zero_exit()
    {
        var bundle = Path.Combine(Path.GetTempPath(), $"bundle-{Guid.NewGuid():N}.jsonl");
        var lines = await ExportAsync(fixture.Learners[0].ClassCode);
        await File.WriteAllLinesAsync(bundle, lines);
        var (passed, output) = await RunScriptAsync(bundle, "--key", fixture.KeyFingerprint);
        await File.WriteAllLinesAsync(bundle, ChangeOneByte(lines, out var named));
        var (failed, failure) = await RunScriptAsync(bundle);
        File.Delete(bundle);

        Assert.True(passed == 0, output);
        Assert.Contains($"seal key fingerprint: {fixture.KeyFingerprint}", output, StringComparison.Ordinal);
        Assert.Contains("VERIFIED", output, StringComparison.Ordinal);
        Assert.Equal(1, failed);
        Assert.Contains($"FAILED: {named}", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("changed")]
    [InlineData("removed")]
    [InlineData("inserted")]
    [InlineData("swapped")]
    public async Task A_bundle_file_with_a_record_changed_removed_inserted_or_two_swapped_fails_naming_the_record(string tampering)
    {
        var lines = await ExportAsync(fixture.Learners[0].ClassCode);
        var reports = lines.Select((l, i) => (Line: l, Index: i)).Where(l => l.Line.Contains("\"type\":\"report\"", StringComparison.Ordinal)).ToList();
        var (line, index) = reports[2];
        var seq = (long)JsonNode.Parse(line)!["seq"]!;
        var chain = (string)JsonNode.Parse(line)!["chain"]!;
        string expected;
        switch (tampering)
        {
            case "changed":
                lines = ChangeOneByte(lines, out expected);
                break;
            case "removed":
                lines.RemoveAt(index);
                expected = $"chain {chain}: record #{seq} was removed";
                break;
            case "inserted":
                lines.Insert(index + 1, line.Replace("\"credited\":60", "\"credited\":61", StringComparison.Ordinal));
                expected = $"chain {chain} record #{seq} (line {index + 2}): a second record at #{seq}: inserted";
                break;
            default:
                (lines[index], lines[index + 1]) = (lines[index + 1], lines[index]);
                expected = $"chain {chain} record #{seq} (line {index + 2}): out of its place";
                break;
        }

        var result = BundleVerifier.Verify(lines);

        Assert.False(result.Passed);
        Assert.StartsWith(expected, result.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chain_rewritten_with_every_hash_recomputed_after_a_changed_record_fails_at_the_head_its_seal_holds()
    {
        var lines = await ExportAsync(fixture.Learners[0].ClassCode);
        var first = lines.FindIndex(l => l.Contains("\"type\":\"report\"", StringComparison.Ordinal));
        var chain = (string)JsonNode.Parse(lines[first])!["chain"]!;
        // Someone with the database and no key changes a sealed report and relinks everything after it.
        var previous = Convert.FromHexString((string)JsonNode.Parse(lines[first - 1])!["hash"]!);
        for (var i = first; i < lines.Count && JsonNode.Parse(lines[i])!["chain"]?.GetValue<string>() == chain; i++)
        {
            var line = JsonNode.Parse(lines[i])!.AsObject();
            if (i == first)
            {
                line["record"]!["credited"] = 59;
            }

            var bytes = line["record"] is { } record ? CanonicalJson.Canonicalize(record.ToJsonString()) : null;
            previous = bytes is null ? Convert.FromHexString((string)line["hash"]!) : ChainHash.Link(previous, bytes);
            line["hash"] = ChainHash.Hex(previous);
            lines[i] = line.ToJsonString();
        }

        var result = BundleVerifier.Verify(lines);

        Assert.False(result.Passed);
        Assert.Matches($"^chain {chain} record #[0-9]+: differs from the seal of 2026-03-01", result.Problems[0]);
    }

    [Theory]
    [InlineData("\"type\":\"seal\"", "\"root\":\"", "seal of 2026-03-01 (line")]
    [InlineData("\"type\":\"seal\"", "\"signature\":\"", "seal of 2026-03-01 (line")]
    [InlineData("\"type\":\"proof\"", "\"hash\":\"", "proof of 2026-03-01 (line")]
    public async Task A_bundle_whose_seal_or_proof_was_changed_fails_naming_it(string lineOf, string valueAfter, string expected)
    {
        var lines = await ExportAsync(fixture.Learners[0].ClassCode);
        var index = lines.FindIndex(l => l.Contains(lineOf, StringComparison.Ordinal));
        var at = lines[index].IndexOf(valueAfter, StringComparison.Ordinal) + valueAfter.Length;
        // One character of the value changed, to another of the same alphabet (hex or base64).
        lines[index] = lines[index][..at] + (lines[index][at] == 'a' ? 'b' : 'a') + lines[index][(at + 1)..];

        var result = BundleVerifier.Verify(lines);

        Assert.False(result.Passed);
        Assert.StartsWith(expected, result.Problems[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "changed")]
    [InlineData(2, "removed")]
    [InlineData(3, "inserted")]
    [InlineData(4, "swapped")]
    public async Task A_record_changed_removed_inserted_or_swapped_in_the_database_before_the_export_fails_verification_naming_it(int learner, string tampering)
    {
        var classCode = fixture.Learners[learner].ClassCode;
        await using var connection = new NpgsqlConnection(System.ConnectionString);
        await connection.OpenAsync();
        // A report of the sealed first day, in the middle of the learner's chain.
        var sessions = $"session_id IN (SELECT session_id FROM evidence_events WHERE kind = 'session_start' AND class_code = '{classCode}')";
        var seq = await ScalarAsync<int>(connection, $"SELECT min(chain_seq) + 1 FROM study_reports WHERE {sessions}");
        var row = $"{sessions} AND chain_seq = {seq}";
        var (sql, expected) = tampering switch
        {
            "changed" => ($"UPDATE study_reports SET credited = credited + 1 WHERE {row}", $"record #{seq} (line"),
            "removed" => ($"DELETE FROM study_reports WHERE {row}", $"record #{seq} was removed"),
            "inserted" => ($"INSERT INTO study_reports SELECT at, client_timestamp, session_id, version, play_time, progress_time, credited + 60, accepted, bank, outcome, past_due, flags, chain_seq, chain_hash FROM study_reports WHERE {row}",
                $"a second record at #{seq}: inserted"),
            _ => ($"UPDATE study_reports SET chain_seq = CASE chain_seq WHEN {seq} THEN {seq + 1} ELSE {seq} END WHERE {sessions} AND chain_seq IN ({seq}, {seq + 1})",
                $"record #{seq} (line"),
        };
        await using (var tamper = new NpgsqlCommand(sql, connection))
        {
            Assert.Equal(tampering == "swapped" ? 2 : 1, await tamper.ExecuteNonQueryAsync());
        }

        var result = BundleVerifier.Verify(await ExportAsync(classCode));

        Assert.False(result.Passed);
        Assert.Contains(expected, result.Problems[0], StringComparison.Ordinal);
        Assert.Contains($"chain student_class:{classCode}/{fixture.Learners[learner].StudentUserCode}", result.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_day_is_sealed_once_with_a_group_for_each_class_studied_though_every_silo_seals_it()
    {
        await using var connection = new NpgsqlConnection(System.ConnectionString);
        await connection.OpenAsync();
        await Task.WhenAll(System.Cluster.Silos.Select(s => ((InProcessSiloHandle)s).ServiceProvider.GetRequiredService<EvidenceSealer>().SealDueAsync()));

        Assert.Equal(1L, await ScalarAsync<long>(connection, "SELECT count(*) FROM evidence_seals WHERE day = '2026-03-01'"));
        Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT count(*) FROM evidence_seals WHERE day > '2026-03-01'"));
        Assert.Equal((long)fixture.Learners.Count, await ScalarAsync<long>(connection,
            $"SELECT count(*) FROM evidence_seal_groups WHERE day = '2026-03-01' AND class_code = ANY(ARRAY['{string.Join("','", fixture.Learners.Select(l => l.ClassCode))}'])"));
    }

    [Fact]
    public async Task Bad_parameters_are_refused_naming_the_field_and_the_export_needs_the_operator_key()
    {
        Assert.Equal("1002", await CodeAsync("/admin/evidence/export"));
        Assert.Equal("1003", await CodeAsync($"/admin/evidence/export?classCode={fixture.Learners[0].ClassCode}&from=yesterday"));
        Assert.Equal("1003", await CodeAsync($"/admin/evidence/export?classCode={fixture.Learners[0].ClassCode}&from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z"));
        Assert.Equal("1201", await CodeAsync("/admin/evidence/export?classCode=no-such-class"));
        using var anonymous = await System.Http.GetAsync($"/admin/evidence/export?classCode={fixture.Learners[0].ClassCode}");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private async Task<string> CodeAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        await System.AuthorizeAsync(request);
        using var response = await System.Http.SendAsync(request);
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["returnCode"]!;
    }

    private async Task<List<string>> ExportAsync(string classCode)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/admin/evidence/export?classCode={classCode}");
        await System.AuthorizeAsync(request);
        using var response = await System.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>Changes one digit of the first day's third report (its credited seconds) and answers the problem that names it.</summary>
    private static List<string> ChangeOneByte(List<string> lines, out string named)
    {
        var changed = new List<string>(lines);
        var index = changed.FindIndex(l => l.Contains("\"type\":\"report\"", StringComparison.Ordinal) && l.Contains("\"credited\":60", StringComparison.Ordinal));
        var line = JsonNode.Parse(changed[index])!;
        changed[index] = changed[index].Replace("\"credited\":60", "\"credited\":50", StringComparison.Ordinal);
        named = $"chain {(string)line["chain"]!} record #{(long)line["seq"]!} (line {index + 1}): changed";
        return changed;
    }

    private static async Task<(int Exit, string Output)> RunScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "scripts", "verify-evidence.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Five learners in five classes study (with an anomaly each) late on 2026-03-01; after the China day and its grace
    /// both silos seal at once; then they study on, on the next, unsealed day.
    /// </summary>
    public sealed class StudiedAndSealed : IAsyncLifetime
    {
        public SupervisionCluster System { get; } = new();

        public List<Learner> Learners { get; } = [];

        public string KeyFingerprint { get; private set; } = "";

        public async Task InitializeAsync()
        {
            await System.InitializeAsync();
            // Study late on China day 2026-03-01 (23:20, five learners by five minutes each), so that the day ends while the platforms' tokens are still valid.
            System.Clock.Advance(new DateTimeOffset(2026, 3, 1, 15, 20, 0, TimeSpan.Zero) - System.Clock.GetUtcNow());
            for (var i = 0; i < 5; i++)
            {
                Learners.Add(await Learner.EnrolAsync(System, firstVideoSeconds: 3600));
            }

            foreach (var learner in Learners)
            {
                EnvelopeAssert.Code("0", await learner.StartAsync());
                await learner.PlayMinutesAsync(5);
                await learner.ReportAsync(3000, 900);
            }

            // China day 2026-03-02 begins at 2026-03-01T16:00Z; its seal is due 10 minutes (the grace) later.
            System.Clock.Advance(new DateTimeOffset(2026, 3, 1, 16, 11, 0, TimeSpan.Zero) - System.Clock.GetUtcNow());
            await Task.WhenAll(System.Cluster.Silos.Select(s => ((InProcessSiloHandle)s).ServiceProvider.GetRequiredService<EvidenceSealer>().SealDueAsync()));
            foreach (var learner in Learners)
            {
                EnvelopeAssert.Code("0", await learner.StartAsync());
                await learner.PlayMinutesAsync(2);
            }

            using var key = ECDsa.Create();
            key.ImportFromPem(await File.ReadAllTextAsync(System.SealKeyPath));
            KeyFingerprint = SealFingerprint.Of(key.ExportSubjectPublicKeyInfo());
        }

        public Task DisposeAsync() => System.DisposeAsync();
    }
}
