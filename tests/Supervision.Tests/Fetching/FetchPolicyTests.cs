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

    [Fact]
    public void Public_addresses_are_allowed() =>
        Assert.True(new FetchPolicy(null).IsAllowed("platform.example", IPAddress.Parse("93.184.216.34")));

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
    public async Task A_loopback_url_that_is_not_allowed_is_refused_when_connecting()
    {
        using var client = new HttpClient(new FetchPolicy(null).CreateHandler(TimeSpan.FromSeconds(2)));
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("http://127.0.0.1:9/"));
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
