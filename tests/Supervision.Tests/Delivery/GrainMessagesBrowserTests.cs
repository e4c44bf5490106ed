using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Npgsql;
using Supervision.Contracts.Study;
using Supervision.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Supervision.Tests.Delivery;

/// <summary>
/// A message between grains the dispatcher keeps failing to hand over is on a page of its own and on the overview: what
/// it is, to whom by name (the codes on hover), how many attempts of how many, why in words, since when; a dead one is
/// retried with a click. The message here carries bytes that are no pass, so every real attempt of the real dispatcher fails.
/// </summary>
[Collection(DeliveryCollection.Name)]
public sealed class GrainMessagesBrowserTests(DeliverySystem delivery)
{
    private SupervisionCluster System => delivery.System;

    [Fact]
    public async Task A_message_that_keeps_failing_is_shown_in_words_on_its_page_and_the_overview_and_a_dead_one_is_retried()
    {
        await using var fake = await FakeLearningPlatform.StartAsync();
        var (_, classCode) = await delivery.RegisterOneStudentClassAsync(fake);
        var className = (string)(await System.AdminAsync(HttpMethod.Get, $"/admin/classes/{classCode}"))["returnData"]!["trainClassName"]!;
        var bizCode = TestIds.Code("biz");
        var id = await QueueUndeliverablePassAsync(classCode, "stu-1", bizCode);

        var dead = await WaitForMessageAsync(id, "dead");
        Assert.Equal(4, (int)dead["attempts"]!);
        Assert.Equal(4, (int)dead["attemptLimit"]!);
        Assert.Equal(classCode, (string?)dead["classCode"]);
        Assert.Equal("stu-1", (string?)dead["studentUserCode"]);
        Assert.Equal(bizCode, (string?)dead["subject"]);
        Assert.StartsWith("UnsupportedWireTypeException:", (string?)dead["lastError"]);
        Assert.Equal("the message's bytes could not be read (written by another version of the server?)", (string?)dead["errorWords"]!["en"]);
        EnvelopeAssert.Code("1003", await System.AdminAsync(HttpMethod.Get, "/admin/grain-messages?status=delivered"));

        await using var chromium = new ChromiumBrowser();
        await chromium.InitializeAsync();
        var page = await chromium.LogInAsync(System, "运维 李");
        await page.ClickAsync("nav a[href='#/overview']");
        var tile = page.Locator("#card-messages");
        await Expect(tile).ToBeVisibleAsync();
        await Expect(tile).ToContainTextAsync("messages between grains failing");
        await tile.ClickAsync();

        var row = page.Locator($"#grain-messages tr[data-message='{id}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("张丽");
        await Expect(row).ToContainTextAsync(className);
        await Expect(row).ToContainTextAsync("a passed check, releasing the learner's credit");
        await Expect(row).ToContainTextAsync("4 / 4");
        await Expect(row).ToContainTextAsync(bizCode);
        await Expect(row).ToContainTextAsync("the message's bytes could not be read");
        await Expect(row.Locator("td.words")).ToHaveAttributeAsync("title", (string)dead["lastError"]!);
        await Expect(row).ToContainTextAsync("已放弃，待人工重试 dead, waiting for you");
        await Expect(row.Locator("a[data-code='stu-1']")).ToHaveAttributeAsync("title", "stu-1");
        Assert.DoesNotContain(classCode, await row.InnerTextAsync());
        await ChromiumBrowser.ScreenshotAsync(page, "grain-messages");

        await row.GetByRole(AriaRole.Button, new() { Name = "重试 Retry" }).ClickAsync();
        await Expect(row).ToContainTextAsync("重试中 retrying");
        await page.Locator("#message-filter").GetByRole(AriaRole.Link, new() { Name = "已放弃，待人工重试 dead, waiting for you" }).ClickAsync();
        await Expect(page.Locator("#message-filter strong[data-status='dead']")).ToBeVisibleAsync();
        await Expect(row).ToHaveCountAsync(0);
    }

    /// <summary>A pass to a learner, as a sender's ledger write queues it (GrainMessages), whose bytes are no pass: due at once.</summary>
    private async Task<long> QueueUndeliverablePassAsync(string classCode, string studentUserCode, string bizCode)
    {
        await using var connection = new NpgsqlConnection(System.ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO deliveries (kind, platform_code, target, payload, dedup_key, status, attempt_limit, next_attempt_at, created_at)
            VALUES ('pass', '', @target, '\x00010203'::bytea, @key, 'pending', 4, @now, @now) RETURNING id
            """, connection);
        insert.Parameters.AddWithValue("target", StudentClassKey.Of(classCode, studentUserCode));
        insert.Parameters.AddWithValue("key", $"pass:{bizCode}");
        insert.Parameters.AddWithValue("now", System.Clock.GetUtcNow());
        return (long)(await insert.ExecuteScalarAsync())!;
    }

    private async Task<JsonObject> WaitForMessageAsync(long id, string status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var page = (await System.AdminAsync(HttpMethod.Get, "/admin/grain-messages?limit=200"))["returnData"]!;
            var row = page["rows"]!.AsArray().Select(r => r!.AsObject()).FirstOrDefault(r => (long)r["id"]! == id);
            if (row is not null && (string?)row["status"] == status)
                return row;
            Assert.True(DateTime.UtcNow < deadline, $"message {id} did not become {status}; last seen: {row?.ToJsonString() ?? "not failing"}");
            System.Clock.Advance(DeliverySystem.MaxRetryDelay * 1.3);
            await Task.Delay(150);
        }
    }
}
