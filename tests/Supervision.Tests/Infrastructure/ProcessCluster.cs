using System.Diagnostics;

namespace Supervision.Tests.Infrastructure;

/// <summary>
/// The system as separate processes — silos and a front, the built binaries of src/Silo and src/WebFront, or the
/// single-process server of src/Server — on a database of its own, so a test can kill one for real. Runs on real time.
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    public const string AdminKey = "process-admin-key-0123456789";
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly List<Process> silos = [];
    private readonly List<int> siloPorts = [];
    private Process? front;
    private string frontUrl = "";
    private Dictionary<string, string>? serverEnvironment;

    private ProcessCluster(string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        ConnectionString = connectionString;
        this.settings = settings;
    }

    public HttpClient Http { get; private set; } = null!;

    public string ConnectionString { get; }

    public string ClusterId { get; } = "proc-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Every silo's silo-to-silo and gateway port.</summary>
    public IReadOnlyList<int> SiloPorts => siloPorts;

    /// <param name="settings">Environment given to every silo and front, e.g. the cluster's TLS certificate.</param>
    public static async Task<ProcessCluster> StartAsync(int silos, PostgresServer? server = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var cluster = new ProcessCluster(await (server ?? PostgresServer.Instance).CreateDatabaseAsync(), settings ?? new Dictionary<string, string>());
        for (var i = 0; i < silos; i++)
        {
            int siloPort = FreePort.Next(), gatewayPort = FreePort.Next();
            cluster.siloPorts.AddRange([siloPort, gatewayPort]);
            cluster.silos.Add(cluster.Launch("Silo", "Supervision.Silo.dll", new()
            {
                ["SUPERVISION_SILO_PORT"] = siloPort.ToString(),
                ["SUPERVISION_GATEWAY_PORT"] = gatewayPort.ToString(),
            }));
        }

        cluster.frontUrl = $"http://127.0.0.1:{FreePort.Next()}";
        cluster.front = cluster.LaunchFront();
        cluster.Http = new HttpClient { BaseAddress = new Uri(cluster.frontUrl), Timeout = TimeSpan.FromSeconds(15) };
        await cluster.WaitHealthyAsync(TimeSpan.FromSeconds(90));
        return cluster;
    }

    /// <summary>The single-process server (scripts/run.sh's): one process that is the silo and the front.</summary>
    public static async Task<ProcessCluster> StartSingleAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var cluster = new ProcessCluster(await PostgresServer.Instance.CreateDatabaseAsync(), settings ?? new Dictionary<string, string>());
        int siloPort = FreePort.Next(), gatewayPort = FreePort.Next();
        cluster.siloPorts.AddRange([siloPort, gatewayPort]);
        cluster.frontUrl = $"http://127.0.0.1:{FreePort.Next()}";
        cluster.serverEnvironment = new()
        {
            ["SUPERVISION_SILO_PORT"] = siloPort.ToString(),
            ["SUPERVISION_GATEWAY_PORT"] = gatewayPort.ToString(),
            ["SUPERVISION_URLS"] = cluster.frontUrl,
        };
        cluster.front = cluster.Launch("Server", "Supervision.Server.dll", cluster.serverEnvironment);
        cluster.Http = new HttpClient { BaseAddress = new Uri(cluster.frontUrl), Timeout = TimeSpan.FromSeconds(15) };
        await cluster.WaitHealthyAsync(TimeSpan.FromSeconds(90));
        return cluster;
    }

    /// <summary>kill -9: no shutdown, no goodbye to the cluster.</summary>
    public void KillSilo(int index) => silos[index].Kill(entireProcessTree: true);

    /// <summary>
    /// kill -9 of the single-process server, then a new one on the same addresses, as a supervisor would restart it:
    /// the new silo finds its predecessor's entry under its own address and takes it for dead at once.
    /// </summary>
    public async Task KillAndRestartServerAsync()
    {
        front!.Kill(entireProcessTree: true);
        await front.WaitForExitAsync();
        front.Dispose();
        front = Launch("Server", "Supervision.Server.dll", serverEnvironment!);
        await WaitHealthyAsync(TimeSpan.FromSeconds(90));
    }

    public async Task KillFrontAsync()
    {
        front!.Kill(entireProcessTree: true);
        await front.WaitForExitAsync();
        front.Dispose();
        front = null;
    }

    /// <summary>A new front process on the same address, as a supervisor would restart it.</summary>
    public async Task RestartFrontAsync()
    {
        front = LaunchFront();
        await WaitHealthyAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        foreach (var process in silos.Append(front).OfType<Process>())
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }
    }

    private async Task WaitHealthyAsync(TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await Http.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("the process cluster did not become healthy");
    }

    /// <summary>Where a project's built program is: the test run builds the referenced projects in the same configuration as itself.</summary>
    public static string BinaryPath(string project, string dll)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        return Path.Combine(RepositoryRoot.Path, "src", project, "bin", configuration, "net10.0", dll);
    }

    private Process LaunchFront() => Launch("WebFront", "Supervision.WebFront.dll", new() { ["SUPERVISION_URLS"] = frontUrl });

    private Process Launch(string project, string dll, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(BinaryPath(project, dll));
        start.Environment["SUPERVISION_DB"] = ConnectionString;
        start.Environment["SUPERVISION_CLUSTER_ID"] = ClusterId;
        start.Environment["SUPERVISION_ADMIN_KEY"] = AdminKey;

        // The load drives the operator API with the shared key, as automation that cannot log in does: kept on.
        start.Environment["SUPERVISION_KEEP_ADMIN_KEY"] = "true";
        start.Environment["SUPERVISION_SEAL_KEY"] = Path.Combine(Path.GetTempPath(), $"seal-key-{ClusterId}.pem");
        var openIntake = SupervisionCluster.OpenIntake.Select(s => KeyValuePair.Create(s.Key.Replace(":", "__"), s.Value));
        foreach (var (name, value) in openIntake.Concat(settings).Concat(environment))
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
