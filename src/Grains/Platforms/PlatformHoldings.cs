using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;
using Supervision.Contracts;
using Supervision.Grains.Classes;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Platforms;

/// <summary>
/// The platform_holdings table: which teachers, courses and people each platform holds, written in the holder grain's
/// ledger write (<see cref="Row"/>), and the bound on how many one platform may hold (<see cref="RefusalAsync"/>),
/// asked before anything new is stored. Two requests of one platform at once may each pass a bound the pair
/// crosses: it is exceeded by at most the records of the requests in flight.
/// </summary>
public sealed class PlatformHoldings(NpgsqlDataSource dataSource, IOptions<IntakeOptions> options) : ILedgerTable
{
    public LedgerRows Row(string kind, string platformCode, string code) => new(this, [new PlatformHolding(kind, platformCode, code)]);

    public IEnumerable<NpgsqlBatchCommand> Commands(IReadOnlyList<object> rows, int writer)
    {
        var holdings = rows.Cast<PlatformHolding>().Distinct()
            .OrderBy(h => h.Kind, StringComparer.Ordinal).ThenBy(h => h.PlatformCode, StringComparer.Ordinal).ThenBy(h => h.Code, StringComparer.Ordinal)
            .ToList();
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO platform_holdings (kind, platform_code, code)
            SELECT * FROM unnest(@kinds, @platforms, @codes)
            ON CONFLICT DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter<string[]>("kinds", holdings.Select(h => h.Kind).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("platforms", holdings.Select(h => h.PlatformCode).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("codes", holdings.Select(h => h.Code).ToArray()));
        yield return command;
    }

    /// <summary>
    /// The refusal (1311, naming <paramref name="field"/>) when storing <paramref name="codes"/> would take
    /// <paramref name="platformCode"/> past its bound of <paramref name="kind"/>; null when it may go on. Codes it
    /// already holds cost nothing: a platform at its bound still updates what it has.
    /// </summary>
    public async Task<Outcome?> RefusalAsync(string kind, string platformCode, IReadOnlyCollection<string> codes, string field)
    {
        var (limit, noun, setting) = BoundOf(kind);
        var distinct = codes.Distinct(StringComparer.Ordinal).ToArray();
        await using var command = dataSource.CreateCommand(
            """
            SELECT (SELECT count(*) FROM platform_holdings WHERE kind = @kind AND platform_code = @platform),
                   (SELECT count(*) FROM platform_holdings WHERE kind = @kind AND platform_code = @platform AND code = ANY(@codes))
            """);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("platform", platformCode);
        command.Parameters.Add(new NpgsqlParameter<string[]>("codes", distinct));
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var held = reader.GetInt64(0);
        var added = distinct.Length - reader.GetInt64(1);
        return added > 0 && held + added > limit
            ? Outcome.Fail(ReturnCode.PlatformLimitReached, string.Create(CultureInfo.InvariantCulture,
                $"{field}: this platform holds {held:N0} {noun} and may hold at most {limit:N0} (Supervision:Intake:{setting}); nothing was stored"))
            : null;
    }

    private (int Limit, string Noun, string Setting) BoundOf(string kind) => kind switch
    {
        HoldingKind.Teacher => (options.Value.TeachersPerBusinessPlatform, "teachers", nameof(IntakeOptions.TeachersPerBusinessPlatform)),
        HoldingKind.Course => (options.Value.CoursesPerPlatform, "courses", nameof(IntakeOptions.CoursesPerPlatform)),
        HoldingKind.Person => (options.Value.PeoplePerBusinessPlatform, "people", nameof(IntakeOptions.PeoplePerBusinessPlatform)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind of holding"),
    };
}
