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
/// A database written before 15-digit ID numbers were normalised: one person stored twice, under the 15-digit form
/// by one business platform and the 18-digit form by another. After a silo start they are one person under the
/// 18-digit form, with both platforms' records and the check photos. Its own system, because it restarts the silos.
/// </summary>
public sealed class LegacyIdNumberMigrationTests : IAsyncLifetime
{
    private readonly SupervisionCluster system = new() { Silos = 1 };

    public Task InitializeAsync() => system.InitializeAsync();

    public Task DisposeAsync() => system.DisposeAsync();

    [Fact]
    public async Task A_person_stored_under_both_forms_is_one_person_under_the_18_digit_form_after_a_silo_start()
    {
        var (legacy, normal) = TestIds.LegacyIdNumber();
        var legacyKey = system.PersonKeys.OfAsWritten(legacy);
        var normalKey = system.PersonKeys.Of(normal);
        var studied = DateTimeOffset.Parse("2026-01-05T08:00:00Z");
        await WriteAsync(legacyKey, new StudentState
        {
            CardNo = legacy,
            FirstStudiedAt = studied,
            Records = { ["bp-early"] = new PersonRecord { Name = "张丽", ErcunPhotoUrl = "http://photos.example.test/early.jpg", LearningPlatformCodes = { "lp-a" } } },
        });
        await WriteAsync(normalKey, new StudentState
        {
            CardNo = normal,
            FirstStudiedAt = studied.AddDays(3),
            Records = { ["bp-late"] = new PersonRecord { Name = "张丽", Mobile = "13800000000", LearningPlatformCodes = { "lp-b" } } },
        });
        await Ledger.ExecuteAsync(
            system,
            """
            INSERT INTO check_photos (at, student_key, class_code, student_user_code, biz_code, decision, threshold, fingerprint, image)
            VALUES (now(), @k, 'class', 'student', 'earlier-check', 'same', 0.5, @f, @i)
            """,
            ("k", legacyKey), ("f", new byte[256]), ("i", new byte[] { 0xFF, 0xD8 }));
        await Ledger.ExecuteAsync(system, "DELETE FROM supervision_schema_migrations WHERE name = @name", ("name", LegacyIdNumberMigration.Name));

        await system.RestartAsync();

        var person = await system.Grains.GetGrain<IStudentGrain>(normalKey).Describe();
        Assert.NotNull(person);
        Assert.Equal(normal, person.CardNo);
        Assert.Equal(["bp-early", "bp-late"], person.BusinessPlatformCodes);
        Assert.Equal(0, await Ledger.CountAsync(system, "SELECT count(*) FROM grain_state WHERE kind = 'student' AND key = @k", ("k", legacyKey)));
        Assert.Single(await Silo.GetRequiredService<CheckPhotoArchive>().LatestFingerprintsAsync(normalKey, "another-check"));
        Assert.Equal(normal, (string?)(await system.AdminAsync(HttpMethod.Get, $"/admin/students/{legacy}"))["returnData"]?["cardNo"]);
        Assert.Null(await Silo.GetRequiredService<LegacyIdNumberMigration>().RunAsync());
    }

    private IServiceProvider Silo => ((InProcessSiloHandle)system.Cluster.Silos[0]).ServiceProvider;

    private Task WriteAsync(string key, StudentState person) =>
        Ledger.ExecuteAsync(system, "INSERT INTO grain_state (kind, key, version, payload, updated_at) VALUES ('student', @k, 3, @p, now())",
            ("k", key), ("p", Silo.GetRequiredService<Serializer<StudentState>>().SerializeToArray(person)));
}
