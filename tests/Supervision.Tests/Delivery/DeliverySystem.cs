using System.Text.Json.Nodes;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Delivery;

/// <summary>
/// A running system whose silos may call loopback platforms, retry on short (fake-clock) back-off, and
/// leave approval to the operator. Tests move the clock to make retries due instead of sleeping.
/// </summary>
public sealed class DeliverySystem : IAsyncLifetime
{
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    public SupervisionCluster System { get; } = new()
    {
        SiloSettings = new()
        {
            ["SUPERVISION_FETCH_ALLOW"] = "127.0.0.1",
            ["Supervision:Intake:AutoApprove"] = "false",
            ["Supervision:Delivery:PollInterval"] = "00:00:00.100",
            ["Supervision:Delivery:FirstRetryDelay"] = "00:00:10",
            ["Supervision:Delivery:MaxRetryDelay"] = "00:01:00",
            ["Supervision:Delivery:AttemptLimit"] = "4",
            ["Supervision:Delivery:AttemptTimeout"] = "00:00:00.500",
            ["Supervision:Delivery:CallTimeout"] = "00:00:02",
            ["Supervision:Delivery:CallRetries"] = "1",
            ["Supervision:Delivery:CallRetryDelay"] = "00:00:00.010",
            ["Supervision:Delivery:BreakerMinimumCalls"] = "1000",
            ["Supervision:Delivery:PullPageSize"] = "2",
            ["Supervision:Delivery:PullInterval"] = "1.00:00:00",
        },
    };

    public Task InitializeAsync() => System.InitializeAsync();

    public Task DisposeAsync() => System.DisposeAsync();

    /// <summary>A learning platform served by <paramref name="fake"/>, holding an outbound token, and a business platform logged in.</summary>
    public async Task<Platforms> ProvisionAsync(FakeLearningPlatform fake, string outboundToken = "token-we-hold")
    {
        var learningCode = TestIds.Code("lp");
        var answer = await System.AdminAsync(HttpMethod.Post, "/admin/platforms", new
        {
            code = learningCode,
            name = "Fake learning platform",
            role = "learning",
            account = learningCode + "-account",
            password = "correct horse battery",
            apiBaseUrl = fake.BaseUrl,
            outboundToken,
        });
        Assert.Equal("0", (string?)answer["returnCode"]);
        var businessCode = TestIds.Code("bp");
        await Platforms.RegisterAsync(System, businessCode, "business", null);
        return new Platforms(learningCode, fake.BaseUrl, "", businessCode, await Platforms.LogInAsync(System, businessCode + "-account"));
    }

    /// <summary>Registers a class through 2.4 (not approved yet: approval is the operator's here).</summary>
    /// <summary>Platforms on <paramref name="fake"/> and a class of one student ("stu-1") on them, not approved yet.</summary>
    public async Task<(Platforms Platforms, string ClassCode)> RegisterOneStudentClassAsync(FakeLearningPlatform fake)
    {
        var platforms = await ProvisionAsync(fake);
        var classCode = TestIds.Code();
        await RegisterClassAsync(platforms, classCode, (TestIds.IdNumber(), "stu-1", "张丽"));
        return (platforms, classCode);
    }

    public async Task RegisterClassAsync(Platforms platforms, string classCode, params (string CardNo, string StudentCode, string Name)[] students)
    {
        var answer = await System.PostEnvelopeAsync("/api/class/v1/pushClassInfo", platforms.ClassBody(classCode, students), platforms.BusinessToken);
        EnvelopeAssert.Code("0", answer);
    }

    public async Task<JsonArray> DeliveriesAsync(string? status = null) =>
        (await System.AdminAsync(HttpMethod.Get, "/admin/deliveries" + (status is null ? "" : "?status=" + status)))["returnData"]!.AsArray();

    public async Task<JsonObject?> DeliveryAsync(Func<JsonObject, bool> match, string? status = null) =>
        (await DeliveriesAsync(status)).Select(row => row!.AsObject()).FirstOrDefault(match);

    /// <summary>
    /// Waits (real time, bounded) until a delivery matching <paramref name="match"/> has <paramref name="status"/>,
    /// moving the clock past the longest back-off between looks when <paramref name="advanceClock"/> so retries fall due.
    /// </summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match, string status, bool advanceClock = true)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var row = await DeliveryAsync(match);
            if (row is not null && (string?)row["status"] == status)
            {
                return row;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no delivery reached {status}; last seen: {row?.ToJsonString() ?? "none"}");
            if (advanceClock && row is not null && (string?)row["status"] is "retrying" or "pending")
            {
                System.Clock.Advance(MaxRetryDelay * 1.3);
            }

            await Task.Delay(150);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds (real time, bounded), without moving the clock.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(50);
        }
    }

    public static Func<JsonObject, bool> PushOf(string classCode) => row => (string?)row["classCode"] == classCode;

    public static Func<JsonObject, bool> PullOf(string platformCode) => row => (string?)row["kind"] == "pull" && (string?)row["platformCode"] == platformCode;
}

[CollectionDefinition(Name)]
public sealed class DeliveryCollection : ICollectionFixture<DeliverySystem>
{
    public const string Name = "delivery";
}
