using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Supervision.ClusterSecurity;
using Supervision.Contracts;
using Supervision.Database;
using Supervision.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Supervision.Tests.Cluster;

/// <summary>
/// With SUPERVISION_TLS_CERTIFICATE set, silos and fronts speak mutual TLS: an Orleans client without one of the
/// cluster's certificates cannot call a grain, even one that would accept the silo's certificate.
/// </summary>
public sealed class ClusterTlsTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Refused = TimeSpan.FromSeconds(10);
    private readonly string folder = Directory.CreateTempSubdirectory("supervision-tls-").FullName;

    [Fact]
    public async Task With_TLS_on_only_a_client_holding_the_clusters_certificate_reaches_a_grain()
    {
        using var certificate = TestCertificates.SelfSigned("supervision-cluster");
        var path = TestCertificates.Write(certificate, folder, "cluster");

        // Healthy means the front, an Orleans client given the same settings, called a grain on the silo over TLS.
        await using var cluster = await ProcessCluster.StartAsync(silos: 1, settings: new Dictionary<string, string>
        {
            [ClusterTlsSettings.CertificateSetting] = path,
            [ClusterTlsSettings.PasswordSetting] = TestCertificates.Password,
        });

        Assert.True(await CallHealthGrainAsync(cluster, ClusterTlsSettings.Load(path, TestCertificates.Password), TimeSpan.FromSeconds(30)));

        // The silo drops each connection at the handshake and the client keeps retrying: ten seconds of that is a refusal,
        // where the client with the certificate above got its answer in about one.
        var plain = await Assert.ThrowsAnyAsync<Exception>(() => CallHealthGrainAsync(cluster, tls: null, Refused));
        output.WriteLine($"without TLS: {plain.GetType().Name}: {plain.Message}");

        // A stranger who copied the cluster's public certificate trusts the silo, but holds no certificate of the cluster.
        using var strangers = TestCertificates.SelfSigned("stranger");
        using var published = X509CertificateLoader.LoadCertificate(certificate.RawData);
        var stranger = await Assert.ThrowsAnyAsync<Exception>(() => CallHealthGrainAsync(cluster, new ClusterTlsSettings(strangers, [published]), Refused));
        output.WriteLine($"with another certificate: {stranger.GetType().Name}: {stranger.Message}");
    }

    /// <summary>scripts/run.sh turns TLS on by default with the certificate scripts/cluster-tls.sh makes: it must load as the cluster's.</summary>
    [Fact]
    public async Task The_certificate_run_sh_generates_is_the_clusters_own_authority_private_to_its_owner_and_kept_across_starts()
    {
        await GenerateAsync();
        var first = ClusterTlsSettings.Load(Path.Combine(folder, "cluster-tls.pfx"), await File.ReadAllTextAsync(Path.Combine(folder, "cluster-tls.password")));
        await GenerateAsync();
        var again = ClusterTlsSettings.Load(Path.Combine(folder, "cluster-tls.pfx"), await File.ReadAllTextAsync(Path.Combine(folder, "cluster-tls.password")));

        Assert.True(new ClusterPeerCheck(first.Authorities).Admits(first.Certificate));
        using var stranger = TestCertificates.SelfSigned("stranger");
        Assert.False(new ClusterPeerCheck(first.Authorities).Admits(stranger));
        Assert.Equal(first.Certificate.Thumbprint, again.Certificate.Thumbprint);
        foreach (var name in new[] { "cluster-tls.pfx", "cluster-tls.password" })
        {
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, name)));
            }
        }
    }

    [Fact]
    public void Without_a_certificate_setting_TLS_is_off() =>
        Assert.Null(ClusterTlsSettings.From(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()));

    [Fact]
    public void A_self_signed_certificate_is_its_own_authority()
    {
        using var certificate = TestCertificates.SelfSigned("supervision-cluster");

        var settings = ClusterTlsSettings.Load(TestCertificates.Write(certificate, folder, "cluster"), TestCertificates.Password);

        Assert.Equal(certificate.Thumbprint, settings.Certificate.Thumbprint);
        Assert.Equal([certificate.Thumbprint], settings.Authorities.Select(a => a.Thumbprint));
        Assert.True(new ClusterPeerCheck(settings.Authorities).Admits(certificate));
        using var stranger = TestCertificates.SelfSigned("stranger");
        Assert.False(new ClusterPeerCheck(settings.Authorities).Admits(stranger));
    }

    [Fact]
    public void A_file_without_the_private_key_or_with_the_wrong_password_stops_start_up_naming_the_setting()
    {
        using var certificate = TestCertificates.SelfSigned("supervision-cluster");
        using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.RawData);
        var path = TestCertificates.Write(certificate, folder, "cluster");

        var noKey = Assert.Throws<InvalidOperationException>(() =>
            ClusterTlsSettings.Load(TestCertificates.Write(publicOnly, folder, "public"), TestCertificates.Password));
        var wrongPassword = Assert.Throws<InvalidOperationException>(() => ClusterTlsSettings.Load(path, "wrong"));
        var missing = Assert.Throws<InvalidOperationException>(() => ClusterTlsSettings.Load(Path.Combine(folder, "none.pfx"), null));

        Assert.Contains("private key", noKey.Message);
        Assert.All([wrongPassword, missing], e => Assert.Contains(ClusterTlsSettings.CertificateSetting, e.Message));
    }

    private async Task GenerateAsync()
    {
        using var script = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Path, "scripts", "cluster-tls.sh"), folder])
        {
            RedirectStandardError = true,
        })!;
        var errors = await script.StandardError.ReadToEndAsync();
        await script.WaitForExitAsync();
        Assert.True(script.ExitCode == 0, errors);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>A fresh Orleans client of the cluster, as anyone who reaches the gateway could write one; answers its grain call.</summary>
    private static async Task<bool> CallHealthGrainAsync(ProcessCluster cluster, ClusterTlsSettings? tls, TimeSpan patience)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = cluster.ClusterId;
                    o.ServiceId = "supervision";
                })
                .UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = DatabaseConnection.Tune(cluster.ConnectionString);
                })
                .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
            if (tls is not null)
                client.UseClusterTls(tls);
        });
        using var host = builder.Build();
        using var deadline = new CancellationTokenSource(patience);
        await host.StartAsync(deadline.Token);
        try
        {
            return await host.Services.GetRequiredService<IClusterClient>().GetGrain<IHealthGrain>(0).DatabaseAnswers().WaitAsync(deadline.Token);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
