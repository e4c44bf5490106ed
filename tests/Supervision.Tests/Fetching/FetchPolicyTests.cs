using System.Net;
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
}
