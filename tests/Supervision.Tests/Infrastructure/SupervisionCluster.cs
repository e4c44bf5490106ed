using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Supervision.Contracts;
using Supervision.Contracts.Students;
using Supervision.Database;
using Supervision.WebFront;

namespace Supervision.Tests.Infrastructure;

/// <summary>
/// The whole system for a test: a database of its own on the throwaway PostgreSQL, an Orleans cluster
/// (TestingHost, ADO.NET clustering and storage) and the HTTP front on a free loopback port, all on one
/// fake clock that the test moves.
/// </summary>
public sealed class SupervisionCluster : IAsyncLifetime
{
    public const string AdminKey = "test-admin-key-0123456789";

    /// <summary>The administrator every system bootstraps with <see cref="AdminKey"/> at its first start, as an operator would.</summary>
    public const string OperatorAccount = "test-admin";

    /// <summary>The password of every account the tests make.</summary>
    public const string OperatorPassword = "test-operator-password";

    private readonly Dictionary<string, (string Token, DateTimeOffset ExpiresAt)> sessions = new(StringComparer.Ordinal);

    /// <summary>The device id every envelope carries unless a test names another.</summary>
    public const string TestDevice = "test-device";
    private WebApplication? front;
    private string clockName = "";
    private string clusterId = "";

    /// <summary>Whether the first start makes <see cref="OperatorAccount"/> with the shared key; a test of the bootstrap itself turns it off.</summary>
    public bool Bootstrap { get; init; } = true;

    /// <summary>Two by default, so every test also runs across silos of one cluster.</summary>
    public int Silos { get; init; } = 2;

    /// <summary>
    /// Every test logs in and presents operator keys from 127.0.0.1, so the per-address limits on logins and wrong
    /// operator keys are lifted unless a test sets them; those limiters run on real time, which the fake clock does not move.
    /// </summary>
    private static readonly Dictionary<string, string?> LiftedLimits = new()
    {
        ["Supervision:Front:LoginsPerMinutePerAddress"] = "100000",
        ["Supervision:Front:WrongAdminKeysPerMinutePerAddress"] = "100000",
    };

    /// <summary>
    /// The tests say what each class needs: a class arrives approved, under the policy its push carries or none at
    /// all. A fresh install supervises and waits for the operator instead (IntakeOptions); the tests of that set
    /// these back in <see cref="SiloSettings"/>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> OpenIntake = new Dictionary<string, string>
    {
        ["Supervision:Intake:AutoApprove"] = "true",
        ["Supervision:Intake:DefaultPolicy:VideoOnHook"] = "0", // a configured policy is whole: every other field off
    };

    /// <summary>How classes arrive: <see cref="OpenIntake"/> unless a test of the shipped defaults empties it.</summary>
    public IReadOnlyDictionary<string, string> Intake { get; init; } = OpenIntake;

    /// <summary>Front settings, over <see cref="LiftedLimits"/>.</summary>
    public Dictionary<string, string?> FrontSettings { get; init; } = new();

    /// <summary>Extra silo configuration (for example "Supervision:Delivery:…" or SUPERVISION_FETCH_ALLOW).</summary>
    public Dictionary<string, string> SiloSettings { get; init; } = new();

    /// <summary>
    /// A running system whose database and clock this one shares, as a second cluster (a cluster id of its own): what
    /// a silo cut off from its cluster looks like to the database, two sides each holding the grains it believes it owns.
    /// </summary>
    public SupervisionCluster? Beside { get; init; }

    public string ConnectionString { get; private set; } = "";

    /// <summary>The PEM file of the cluster's evidence seal key.</summary>
    public string SealKeyPath { get; private set; } = "";

    public FakeTimeProvider Clock { get; private set; } = null!;

    public TestCluster Cluster { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The cluster's person keys (the silos' and the front's), to find a student's grain by ID number.</summary>
    public PersonKeys PersonKeys => ((InProcessSiloHandle)Cluster.Silos[0]).ServiceProvider.GetRequiredService<PersonKeys>();

    /// <summary>The front's services, for tests that inspect what it maps.</summary>
    public IServiceProvider FrontServices => front?.Services ?? throw new InvalidOperationException("The front is not running.");

    /// <summary>What the silos and the front have logged so far.</summary>
    public CapturedLogs Logs => CapturedLogs.For(clockName);

    public async Task InitializeAsync()
    {
        if (Beside is { } other)
        {
            (ConnectionString, clockName, Clock) = (other.ConnectionString, other.clockName, other.Clock);
        }
        else
        {
            ConnectionString = await PostgresServer.Instance.CreateDatabaseAsync();
            await SchemaMigrator.MigrateAsync(ConnectionString);
            (clockName, Clock) = TestClocks.Create();
        }

        await StartAsync();
    }

    /// <summary>Stops every silo and the front, then starts them again on the same database.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public async Task DisposeAsync() => await StopAsync();

    /// <summary>Posts an envelope (from "test-device" unless <paramref name="deviceId"/> says otherwise) and answers the parsed JSON answer.</summary>
    public async Task<JsonObject> PostEnvelopeAsync(string path, object? data, string? token = null, string deviceId = TestDevice)
    {
        using var response = await SendEnvelopeAsync(path, data, token, deviceId);
        return await ReadEnvelopeAsync(response);
    }

    /// <summary>Posts an envelope and answers its HTTP status with the parsed answer, for a call that may fail (5001 is HTTP 503).</summary>
    public async Task<(System.Net.HttpStatusCode Status, JsonObject Answer)> PostEnvelopeForStatusAsync(string path, object? data, string? token = null)
    {
        using var response = await SendEnvelopeAsync(path, data, token);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    public async Task<JsonObject> PostRawAsync(string path, string body, string contentType = "application/json")
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using var response = await Http.PostAsync(path, content);
        return await ReadEnvelopeAsync(response);
    }

    /// <summary>
    /// Calls the operator API as <paramref name="account"/> (signed in, the test administrator unless named), or with
    /// the shared key <paramref name="key"/> when one is given.
    /// </summary>
    public async Task<JsonObject> AdminAsync(HttpMethod method, string path, object? body = null, string? key = null, string account = OperatorAccount)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Add("X-Admin-Key", key);
        }
        else
        {
            await AuthorizeAsync(request, account);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await Http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>Signs <paramref name="request"/> with a session of <paramref name="account"/>, logging in again when the test clock passed its expiry.</summary>
    public async Task AuthorizeAsync(HttpRequestMessage request, string account = OperatorAccount) =>
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await SessionAsync(account));

    /// <summary>An account of <paramref name="role"/> (made by the test administrator unless it exists), signed in.</summary>
    public async Task<string> SignInAsync(string account, string role)
    {
        var made = await AdminAsync(HttpMethod.Post, "/admin/operators", new { account, role, password = OperatorPassword });
        Assert.True((string?)made["returnCode"] is "0" or "1208", made.ToJsonString());
        sessions.Remove(account);
        return await SessionAsync(account);
    }

    private async Task<string> SessionAsync(string account)
    {
        if (sessions.TryGetValue(account, out var session) && Clock.GetUtcNow() < session.ExpiresAt - TimeSpan.FromMinutes(1))
        {
            return session.Token;
        }

        var login = await Http.PostAsJsonAsync("/admin/login", new { account, password = OperatorPassword });
        var answer = JsonNode.Parse(await login.Content.ReadAsStringAsync())!.AsObject();
        Assert.True((string?)answer["returnCode"] == "0", $"{account} could not log in: {answer.ToJsonString()}");
        session = ((string)answer["returnData"]!["token"]!, DateTimeOffset.Parse((string)answer["returnData"]!["expiresAt"]!));
        sessions[account] = session;
        return session.Token;
    }

    /// <summary>The first administrator, made with the shared key while none exists: what an operator does on a fresh install.</summary>
    private async Task BootstrapAsync()
    {
        var made = await AdminAsync(HttpMethod.Post, "/admin/operators",
            new { account = OperatorAccount, role = "administrator", password = OperatorPassword }, key: AdminKey);
        Assert.True((string?)made["returnCode"] is "0" or "1122" or "1208", made.ToJsonString());
    }

    private Task<HttpResponseMessage> SendEnvelopeAsync(string path, object? data, string? token, string deviceId = TestDevice)
    {
        var envelope = new
        {
            headers = new { deviceType = "TYPE_PC", timestamp = Clock.GetUtcNow().ToUnixTimeSeconds().ToString(), deviceId, userToken = token },
            data,
        };
        return Http.PostAsJsonAsync(path, envelope);
    }

    public static async Task<JsonObject> ReadEnvelopeAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"HTTP {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task StartAsync()
    {
        var builder = new TestClusterBuilder((short)Silos);
        builder.Options.UseTestClusterMembership = false;

        // Real sockets: the HTTP front's Orleans client cannot reach TestingHost's in-memory transport.
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.Options.ServiceId = "supervision";
        builder.Options.ClusterId = "test-" + Guid.NewGuid().ToString("N")[..12];
        builder.Properties["SUPERVISION_DB"] = ConnectionString;
        builder.Properties["TEST_CLOCK"] = clockName;

        // Tests serve photos and play learning platforms on loopback, which the fetch rule refuses unless allowed.
        builder.Properties["SUPERVISION_FETCH_ALLOW"] = "127.0.0.1";

        // Every test's learners report from "test-device" at the fake clock's instants: to a periodic crowd sweep they
        // are crowds. The sweep is off unless a test sets it; the crowd tests sweep directly, when they choose.
        builder.Properties["Supervision:Crowds:Interval"] = "00:00:00";

        // The seal key is generated at first start into a file of the test run's own temporary folder.
        builder.Properties["SUPERVISION_SEAL_KEY"] = SealKeyPath = Path.Combine(Path.GetTempPath(), $"seal-key-{builder.Options.ClusterId}.pem");
        foreach (var (key, value) in Intake.Concat(SiloSettings))
        {
            builder.Properties[key] = value;
        }

        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        builder.AddClientBuilderConfigurator<TestClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();

        clusterId = builder.Options.ClusterId;
        front = await StartFrontAsync();
        Http = new HttpClient { BaseAddress = new Uri(front.Address()) };
        sessions.Clear();
        if (Bootstrap)
        {
            await BootstrapAsync();
        }
    }

    /// <summary>Another front on the same cluster, database and clock, as a deployment with several fronts has; the caller stops it.</summary>
    public async Task<WebApplication> StartFrontAsync()
    {
        var started = FrontApplication.Create([], web =>
        {
            var settings = new Dictionary<string, string?>(LiftedLimits)
            {
                ["SUPERVISION_DB"] = ConnectionString,
                ["SUPERVISION_URLS"] = "http://127.0.0.1:0",
                ["SUPERVISION_ADMIN_KEY"] = AdminKey,
                ["SUPERVISION_CLUSTER_ID"] = clusterId,
            };
            foreach (var (key, value) in FrontSettings)
            {
                settings[key] = value;
            }

            web.Configuration.AddInMemoryCollection(settings);
            web.Services.AddKeyedSingleton<TimeProvider>(ClockKey.Name, Clock);
            web.Logging.AddProvider(Logs);
        });
        await started.StartAsync();
        return started;
    }

    private async Task StopAsync()
    {
        Http?.Dispose();
        if (front is not null)
        {
            await front.StopAsync();
            await front.DisposeAsync();
            front = null;
        }

        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }
    }
}
