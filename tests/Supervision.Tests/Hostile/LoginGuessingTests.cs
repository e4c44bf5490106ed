using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Supervision.Grains.Platforms;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Hostile;

/// <summary>
/// A stranger guessing a platform's password, and the platform logging in meanwhile: a system of its own whose front
/// believes X-Forwarded-For from loopback, so the two come from addresses of their own.
/// </summary>
public sealed class LoginGuessingTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private readonly SupervisionCluster system = new() { Silos = 1, FrontSettings = new() { ["SUPERVISION_TRUSTED_PROXIES"] = "127.0.0.1" } };

    public Task InitializeAsync() => system.InitializeAsync();

    public Task DisposeAsync() => system.DisposeAsync();

    [Fact]
    public async Task A_strangers_wrong_passwords_do_not_lock_the_platform_out_of_its_own_login()
    {
        var account = await RegisterAsync();
        var strangerCodes = new List<string>();
        for (var round = 0; round < 4; round++)
        {
            for (var i = 0; i < 5; i++)
            {
                strangerCodes.Add(Code(await LogInAsync(account, $"guess-{round}-{i}", from: "203.0.113.66")));
            }

            EnvelopeAssert.Code("0", await LogInAsync(account, Password, from: "198.51.100.7"));
        }

        Assert.Equal([.. Enumerable.Repeat("1106", 5), .. Enumerable.Repeat("1107", 15)], strangerCodes);

        // The stranger's address is held up even when it stumbles on the password: guessing cannot go on.
        EnvelopeAssert.Code("1107", await LogInAsync(account, Password, from: "203.0.113.66"));
    }

    [Fact]
    public async Task Each_failure_past_five_makes_the_pair_wait_twice_as_long_and_a_success_forgives_it()
    {
        var account = await RegisterAsync();
        const string from = "203.0.113.77";
        for (var i = 0; i < 5; i++)
        {
            EnvelopeAssert.Code("1106", await LogInAsync(account, "guess-" + i, from));
        }

        foreach (var wait in new[] { 1, 2, 4 })
        {
            system.Clock.Advance(TimeSpan.FromMinutes(wait) - TimeSpan.FromSeconds(1));
            EnvelopeAssert.Code("1107", await LogInAsync(account, "too soon", from));
            system.Clock.Advance(TimeSpan.FromSeconds(1));
            EnvelopeAssert.Code("1106", await LogInAsync(account, "after the wait", from));
        }

        system.Clock.Advance(TimeSpan.FromMinutes(8));
        EnvelopeAssert.Code("0", await LogInAsync(account, Password, from));
        for (var i = 0; i < 5; i++)
        {
            EnvelopeAssert.Code("1106", await LogInAsync(account, "forgiven-" + i, from));
        }

        EnvelopeAssert.Code("1107", await LogInAsync(account, "sixth", from));
    }

    [Fact]
    public async Task An_unknown_account_is_held_up_exactly_like_a_known_one()
    {
        var known = await RegisterAsync();
        var unknown = "nobody-" + TestIds.Code();
        var knownCodes = new List<string>();
        var unknownCodes = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            knownCodes.Add(Code(await LogInAsync(known, "guess-" + i, from: "203.0.113.88")));
            unknownCodes.Add(Code(await LogInAsync(unknown, "guess-" + i, from: "203.0.113.88")));
        }

        Assert.Equal([.. Enumerable.Repeat("1106", 5), "1107"], knownCodes);
        Assert.Equal(knownCodes, unknownCodes);
    }

    [Fact]
    public async Task A_failure_for_an_unknown_account_costs_the_password_hash_like_one_for_a_known_account()
    {
        var hashCost = Enumerable.Range(0, 3).Min(_ => Time(() => PasswordHash.Verify("guess", PasswordHash.Create(Password))) / 2);
        var known = await RegisterAsync();
        await LogInAsync(known, Password, from: "198.51.100.20");

        var knownFailures = new List<TimeSpan>();
        var unknownFailures = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            knownFailures.Add(await TimedLogInAsync(known, "guess-" + i, from: "198.51.100.21"));
            unknownFailures.Add(await TimedLogInAsync("nobody-" + TestIds.Code(), "guess-" + i, from: "198.51.100.21"));
        }

        // The fastest of each is the least disturbed by whatever else the machine does; neither can beat the hash.
        var fastestKnown = knownFailures.Min();
        var fastestUnknown = unknownFailures.Min();
        Assert.True(fastestKnown >= hashCost * 0.5, $"a known account's failure took {fastestKnown.TotalMilliseconds} ms; one hash takes {hashCost.TotalMilliseconds} ms");
        Assert.True(fastestUnknown >= hashCost * 0.5, $"an unknown account's failure took {fastestUnknown.TotalMilliseconds} ms; one hash takes {hashCost.TotalMilliseconds} ms");
        Assert.True(fastestUnknown < fastestKnown * 2, $"unknown {fastestUnknown.TotalMilliseconds} ms, known {fastestKnown.TotalMilliseconds} ms");
    }

    private static string Code(JsonObject answer) => (string)answer["returnCode"]!;

    private static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }

    private async Task<string> RegisterAsync()
    {
        var code = TestIds.Code("lp");
        await Platforms.RegisterAsync(system, code, "learning", $"http://{code}.example.test");
        return code + "-account";
    }

    private async Task<TimeSpan> TimedLogInAsync(string account, string password, string from)
    {
        var watch = Stopwatch.StartNew();
        EnvelopeAssert.Code("1106", await LogInAsync(account, password, from));
        return watch.Elapsed;
    }

    private async Task<JsonObject> LogInAsync(string account, string password, string from)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/thlogin")
        {
            Content = JsonContent.Create(new { headers = new { deviceType = "TYPE_PC" }, data = new { studyPlatformAcount = account, passWord = password } }),
        };
        request.Headers.Add("X-Forwarded-For", from);
        using var response = await system.Http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
