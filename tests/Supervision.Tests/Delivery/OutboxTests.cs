using Supervision.Contracts.Evidence;
using Npgsql;
using Supervision.Database;
using Supervision.Grains.Delivery;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Delivery;

/// <summary>The deliveries table on a real PostgreSQL: idempotent enqueue, claims that never overlap, leases that run out.</summary>
public sealed class OutboxTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private NpgsqlDataSource dataSource = null!;
    private DeliveryOutbox outbox = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync();
        await SchemaMigrator.MigrateAsync(connectionString);
        dataSource = NpgsqlDataSource.Create(connectionString);
        outbox = new DeliveryOutbox(dataSource);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    /// <summary>Queues a push as a class's ledger write does: its outbox row, written in a transaction of its own here.</summary>
    private async Task QueuePushAsync(string classCode, string platformCode, int version, DateTimeOffset now, int attemptLimit)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var command in outbox.Commands(outbox.Push(classCode, platformCode, version, now, attemptLimit).Rows, writer: 1))
        {
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task The_same_class_version_queued_twice_is_one_delivery()
    {
        await QueuePushAsync("class-1", "lp", 1, Now, 5);
        await QueuePushAsync("class-1", "lp", 1, Now, 5);
        await QueuePushAsync("class-1", "lp", 2, Now, 5);

        Assert.Equal(2, (await outbox.ListAsync(null, 10)).Count);
    }

    [Fact]
    public async Task Silos_claiming_at_once_never_take_the_same_delivery()
    {
        for (var version = 1; version <= 40; version++)
        {
            await QueuePushAsync("class-2", "lp", version, Now, 5);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(silo => outbox.ClaimAsync($"silo-{silo}", Now, Lease, 10)));

        var ids = claims.SelectMany(claim => claim.Select(d => d.Id)).ToList();
        Assert.Equal(40, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_claim_belongs_to_its_silo_until_its_lease_runs_out()
    {
        await QueuePushAsync("class-3", "lp", 1, Now, 5);
        var first = Assert.Single(await outbox.ClaimAsync("silo-a", Now, Lease, 10));

        Assert.Empty(await outbox.ClaimAsync("silo-b", Now + Lease - TimeSpan.FromSeconds(1), Lease, 10));

        // silo-a died mid-call: once its lease has run out, silo-b takes the delivery, and silo-a's late word is ignored.
        var second = Assert.Single(await outbox.ClaimAsync("silo-b", Now + Lease, Lease, 10));
        Assert.Equal(first.Id, second.Id);
        await outbox.CompleteAsync(first.Id, "silo-a", Now + Lease);
        Assert.Equal("pending", (await outbox.FindAsync(first.Id))!.Status);
        await outbox.CompleteAsync(second.Id, "silo-b", Now + Lease);
        var delivered = (await outbox.FindAsync(first.Id))!;
        Assert.Equal("delivered", delivered.Status);
        Assert.Equal(1, delivered.Attempts);
    }

    [Fact]
    public async Task A_failed_attempt_waits_for_its_back_off_and_the_last_allowed_one_is_dead()
    {
        await QueuePushAsync("class-4", "lp", 1, Now, 2);
        var claim = Assert.Single(await outbox.ClaimAsync("silo-a", Now, Lease, 10));
        await outbox.FailAsync(claim.Id, "silo-a", "HTTP 503", Now + TimeSpan.FromSeconds(30));

        var retrying = (await outbox.FindAsync(claim.Id))!;
        Assert.Equal(("retrying", 1, "HTTP 503"), (retrying.Status, retrying.Attempts, retrying.LastError));
        Assert.Empty(await outbox.ClaimAsync("silo-a", Now + TimeSpan.FromSeconds(29), Lease, 10));

        claim = Assert.Single(await outbox.ClaimAsync("silo-a", Now + TimeSpan.FromSeconds(30), Lease, 10));
        await outbox.FailAsync(claim.Id, "silo-a", "HTTP 503", Now + TimeSpan.FromSeconds(90));
        Assert.Equal("dead", (await outbox.FindAsync(claim.Id))!.Status);
        Assert.Empty(await outbox.ClaimAsync("silo-a", Now + TimeSpan.FromDays(1), Lease, 10));
        Assert.Single(await outbox.ListAsync("failed", 10));

        var revived = await outbox.ReviveAsync(claim.Id, Now + TimeSpan.FromDays(1), 2, new OperatorAction("operator-1", "192.0.2.1"));
        Assert.Equal("retrying", revived?.Status);
        Assert.Single(await outbox.ClaimAsync("silo-a", Now + TimeSpan.FromDays(1), Lease, 10));
    }
}
