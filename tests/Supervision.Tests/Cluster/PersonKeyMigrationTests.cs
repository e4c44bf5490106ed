using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;
using Orleans.TestingHost;
using Supervision.Contracts.Students;
using Supervision.Grains.Evidence;
using Supervision.Grains.Students;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Cluster;

/// <summary>
/// A database written when person keys were plain digests: after a silo start, its students and check photos are
/// found under their keyed digests. Its own system, because it restarts the silos.
/// </summary>
public sealed class PersonKeyMigrationTests : IAsyncLifetime
{
    private readonly SupervisionCluster system = new() { Silos = 1 };

    public Task InitializeAsync() => system.InitializeAsync();

    public Task DisposeAsync() => system.DisposeAsync();

    [Fact]
    public async Task Students_and_check_photos_under_the_plain_digest_are_found_under_the_keyed_one_after_a_silo_start()
    {
        var cardNo = TestIds.IdNumber();
        var plain = PlainPersonDigest.Of(cardNo);
        var keyed = system.PersonKeys.Of(cardNo);
        await WriteUnderPlainDigestAsync(cardNo, "张丽");
        await Ledger.ExecuteAsync(system, "DELETE FROM supervision_schema_migrations WHERE name = @name", ("name", PersonKeyMigration.Name));

        await system.RestartAsync();

        // The secret is the database's: the restarted silo and the front compute the key the first silo did.
        Assert.Equal(keyed, system.PersonKeys.Of(cardNo));
        Assert.Equal(keyed, await KeyFromStoredSecretAsync(cardNo));
        Assert.Equal("张丽", (await system.Grains.GetGrain<IStudentGrain>(keyed).Describe())?.Name);
        Assert.Null(await system.Grains.GetGrain<IStudentGrain>(plain).Describe());
        Assert.Equal("张丽", (string?)(await system.AdminAsync(HttpMethod.Get, $"/admin/students/{cardNo}"))["returnData"]?["name"]);
        Assert.Equal(0, await Ledger.CountAsync(system, "SELECT count(*) FROM grain_state WHERE kind = 'student' AND key = @k", ("k", plain)));
        Assert.Equal(0, await Ledger.CountAsync(system, "SELECT count(*) FROM check_photos WHERE student_key = @k", ("k", plain)));
        var archive = Silo.GetRequiredService<CheckPhotoArchive>();
        Assert.Single(await archive.LatestFingerprintsAsync(keyed, "another-check"));
        Assert.Equal(1, await Ledger.CountAsync(system, "SELECT count(*) FROM supervision_schema_migrations WHERE name = @n", ("n", PersonKeyMigration.Name)));
    }

    [Fact]
    public async Task The_move_runs_once_a_row_written_under_the_plain_digest_after_it_stays_where_it_is()
    {
        var cardNo = TestIds.IdNumber();
        await WriteUnderPlainDigestAsync(cardNo, "王芳");

        var rerun = await Silo.GetRequiredService<PersonKeyMigration>().RunAsync();

        Assert.Null(rerun);
        Assert.Equal(1, await Ledger.CountAsync(system, "SELECT count(*) FROM grain_state WHERE kind = 'student' AND key = @k", ("k", PlainPersonDigest.Of(cardNo))));
        Assert.Null(await system.Grains.GetGrain<IStudentGrain>(system.PersonKeys.Of(cardNo)).Describe());
    }

    private async Task<string> KeyFromStoredSecretAsync(string cardNo)
    {
        await using var connection = new NpgsqlConnection(system.ConnectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT value FROM supervision_settings WHERE key = 'person_key_secret'", connection);
        return new PersonKeys(Convert.FromHexString((string)(await read.ExecuteScalarAsync())!)).Of(cardNo);
    }

    private IServiceProvider Silo => ((InProcessSiloHandle)system.Cluster.Silos[0]).ServiceProvider;

    /// <summary>A student row and a check photo as a release with plain digests wrote them.</summary>
    private async Task WriteUnderPlainDigestAsync(string cardNo, string name)
    {
        var payload = Silo.GetRequiredService<Serializer<StudentState>>().SerializeToArray(new StudentState { CardNo = cardNo, EarlierName = name, EarlierBusinessPlatformCodes = ["bp-earlier"] });
        var plain = PlainPersonDigest.Of(cardNo);
        await Ledger.ExecuteAsync(system, "INSERT INTO grain_state (kind, key, version, payload, updated_at) VALUES ('student', @k, 1, @p, now())", ("k", plain), ("p", payload));
        await Ledger.ExecuteAsync(
            system,
            """
            INSERT INTO check_photos (at, student_key, class_code, student_user_code, biz_code, decision, threshold, fingerprint, image)
            VALUES (now(), @k, 'class', 'student', 'earlier-check', 'same', 0.5, @f, @i)
            """,
            ("k", plain), ("f", new byte[256]), ("i", new byte[] { 0xFF, 0xD8 }));
    }
}
