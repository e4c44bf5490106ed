using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Supervision.Grains.Fetching;

namespace Supervision.Tests.Fetching;

public sealed class FetchPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.20.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void Internal_addresses_are_refused_by_default(string address) =>
        Assert.False(new FetchPolicy(null).IsAllowed("platform.example", IPAddress.Parse(address)));

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.254")]
    [InlineData("192.0.0.1")]
    [InlineData("192.0.0.170")]
    [InlineData("192.0.2.1")]
    [InlineData("192.88.99.1")]
    [InlineData("198.18.0.1")]
    [InlineData("198.19.255.255")]
    [InlineData("198.51.100.7")]
    [InlineData("203.0.113.7")]
    [InlineData("224.0.0.1")]
    [InlineData("240.0.0.1")]
    [InlineData("255.255.255.255")]
    public void Special_purpose_IPv4_ranges_are_refused(string address) =>
        Assert.False(new FetchPolicy(null).IsAllowed("platform.example", IPAddress.Parse(address)));

    [Theory]
    [InlineData("::")]
    [InlineData("100::1")]
    [InlineData("2001:2::1")]
    [InlineData("2001:db8::1")]
    [InlineData("3fff::1")]
    [InlineData("5f00::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fec0::1")]
    [InlineData("ff02::1")]
    [InlineData("64:ff9b:1::a00:1")]
    public void Special_purpose_IPv6_ranges_are_refused(string address) =>
        Assert.False(new FetchPolicy(null).IsAllowed("platform.example", IPAddress.Parse(address)));

    [Theory]
    [InlineData("::127.0.0.1")] // IPv4-compatible
    [InlineData("::10.0.0.1")]
    [InlineData("::ffff:0:0")] // mapped 0.0.0.0
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:198.18.0.1")]
    [InlineData("64:ff9b::127.0.0.1")] // NAT64
    [InlineData("64:ff9b::a9fe:a9fe")] // NAT64 of 169.254.169.254
    [InlineData("64:ff9b::c000:1")] // NAT64 of 192.0.0.1
    [InlineData("2002:7f00:1::1")] // 6to4 of 127.0.0.1
    [InlineData("2002:a9fe:a9fe::1")] // 6to4 of 169.254.169.254
    [InlineData("2001:0:7f00:1::a247:27dd")] // Teredo: server 127.0.0.1, client 93.184.216.34
    [InlineData("2001:0:5db8:d822::f5ff:fffe")] // Teredo: server 93.184.216.34, client 10.0.0.1
    public void Transition_forms_are_judged_by_the_IPv4_address_they_embed(string address) =>
        Assert.False(new FetchPolicy(null).IsAllowed("platform.example", IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("::ffff:93.184.216.34")]
    [InlineData("64:ff9b::5db8:d822")]
    [InlineData("2002:5db8:d822::1")]
    [InlineData("2001:0:5db8:d822::a247:27dd")]
    [InlineData("2606:4700::1111")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.True(new FetchPolicy(null).IsAllowed("platform.example", IPAddress.Parse(address)));

    [Theory]
    [InlineData("::127.0.0.1", "127.0.0.1")]
    [InlineData("::ffff:10.0.0.1", "10.0.0.0/8")]
    [InlineData("64:ff9b::127.0.0.1", "127.0.0.0/8")]
    [InlineData("64:ff9b:1::a00:1", "64:ff9b:1::/48")]
    [InlineData("2002:7f00:1::1", "127.0.0.1")]
    [InlineData("2002:7f00:1::1", "2002::/16")]
    [InlineData("2001:0:5db8:d822::f5ff:fffe", "10.0.0.0/8")]
    [InlineData("198.18.0.1", "198.18.0.0/15")]
    [InlineData("192.0.0.170", "192.0.0.0/24")]
    [InlineData("100.64.0.1", "100.64.0.0/10")]
    [InlineData("fd12:3456::1", "fc00::/7")]
    public void The_allow_list_admits_each_form_it_names(string address, string allowList)
    {
        Assert.False(new FetchPolicy(null).IsAllowed("platform.example", IPAddress.Parse(address)));
        Assert.True(new FetchPolicy(allowList).IsAllowed("platform.example", IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("64:ff9b::a00:1", "127.0.0.1")]
    [InlineData("::ffff:10.0.0.1", "127.0.0.0/8")]
    [InlineData("2001:0:7f00:1::f5ff:fffe", "127.0.0.1")] // Teredo: server allowed, client 10.0.0.1 is not
    [InlineData("64:ff9b:1::a00:1", "10.0.0.0/8")] // a local-use translation prefix is not re-checked: only naming it admits it
    public void An_allowed_address_admits_no_other_embedded_one(string address, string allowList) =>
        Assert.False(new FetchPolicy(allowList).IsAllowed("platform.example", IPAddress.Parse(address)));

    [Fact]
    public void The_allow_list_admits_addresses_networks_and_hosts()
    {
        var policy = new FetchPolicy("127.0.0.1, 10.0.0.0/8 ,intranet.local");
        Assert.True(policy.IsAllowed("x", IPAddress.Parse("127.0.0.1")));
        Assert.True(policy.IsAllowed("x", IPAddress.Parse("10.9.9.9")));
        Assert.True(policy.IsAllowed("intranet.local", IPAddress.Parse("192.168.0.5")));
        Assert.False(policy.IsAllowed("x", IPAddress.Parse("192.168.0.5")));
    }

    [Fact]
    public void A_malformed_network_in_the_allow_list_is_refused_at_start_rather_than_read_as_a_host_name()
    {
        var error = Assert.Throws<ArgumentException>(() => new FetchPolicy("127.0.0.1, 10.0.0.0/33"));
        Assert.Contains("10.0.0.0/33", error.Message);
    }

    [Fact]
    public async Task A_loopback_url_that_is_not_allowed_is_refused_when_connecting()
    {
        using var client = new HttpClient(new FetchPolicy(null).CreateHandler(TimeSpan.FromSeconds(2)));
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("http://127.0.0.1:9/"));
        Assert.True(FetchRefusedException.IsCauseOf(error));
    }

    [Fact]
    public async Task An_allow_listed_loopback_url_is_reached()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/", () => "reached");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var client = new HttpClient(new FetchPolicy("127.0.0.1").CreateHandler(TimeSpan.FromSeconds(2)));
        Assert.Equal("reached", await client.GetStringAsync(address));
    }
}
