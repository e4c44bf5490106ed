using System.Net;
using Microsoft.Extensions.Configuration;
using Supervision.Silo;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Cluster;

/// <summary>
/// The silo and gateway ports take grain calls from anyone who reaches them, with no token: a silo listens on one
/// address, loopback unless SUPERVISION_ADVERTISED_HOST names another, and never on every interface. Its metrics
/// port, which has no login either, is on loopback unless SUPERVISION_METRICS_HOST says otherwise.
/// </summary>
public sealed class ListeningAddressTests
{
    [Fact]
    public async Task A_silo_process_binds_its_silo_gateway_and_metrics_ports_to_loopback_only()
    {
        var metricsPort = FreePort.Next();
        await using var cluster = await ProcessCluster.StartAsync(silos: 1, settings: new Dictionary<string, string>
        {
            ["SUPERVISION_METRICS_PORT"] = metricsPort.ToString(),
        });

        Assert.Equal(2, cluster.SiloPorts.Count);
        Assert.All(cluster.SiloPorts.Append(metricsPort), port => Assert.Equal([IPAddress.Loopback], ListeningSockets.AddressesOn(port)));
    }

    [Fact]
    public void Without_a_setting_the_silo_listens_on_loopback() =>
        Assert.Equal(IPAddress.Loopback, Settings(null).Address);

    [Theory]
    [InlineData("10.20.30.40")]
    [InlineData("127.0.0.2")]
    public void The_configured_address_is_the_one_listened_on(string address) =>
        Assert.Equal(IPAddress.Parse(address), Settings(address).Address);

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    public void Every_interface_is_refused_with_the_setting_named(string address)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Settings(address));
        Assert.Contains(SiloSettings.AddressSetting, error.Message);
    }

    private static SiloSettings Settings(string? address) => SiloSettings.From(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["SUPERVISION_DB"] = "Host=unused", [SiloSettings.AddressSetting] = address })
        .Build());
}
