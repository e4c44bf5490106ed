using System.Net;
using System.Net.Sockets;

namespace Supervision.Grains.Fetching;

/// <summary>
/// SPEC rule 12: outbound calls reach public addresses only, unless the operator allows a host or
/// network (SUPERVISION_FETCH_ALLOW). The check runs when connecting, on every resolved address,
/// and the socket connects to the address that was checked, so DNS cannot swap it afterwards.
/// </summary>
public sealed class FetchPolicy
{
    private readonly HashSet<string> _allowedHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IPNetwork> _allowedNetworks = [];

    public FetchPolicy(string? allowList)
    {
        foreach (var item in (allowList ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(item, out var network)) _allowedNetworks.Add(network);
            else if (IPAddress.TryParse(item, out var address)) _allowedNetworks.Add(new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            else _allowedHosts.Add(item);
        }
    }

    public static bool IsAllowedScheme(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;

    public bool IsAllowed(string host, IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (_allowedHosts.Contains(host) || _allowedNetworks.Exists(n => n.Contains(address))) return true;
        return !IsInternal(address);
    }

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellation)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await Dns.GetHostAddressesAsync(host, cancellation);
        if (addresses.Length == 0 || !Array.TrueForAll(addresses, a => IsAllowed(host, a)))
            throw new HttpRequestException($"Fetching from {host} is not allowed (SUPERVISION_FETCH_ALLOW).");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(addresses[0], context.DnsEndPoint.Port), cancellation);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public SocketsHttpHandler CreateHandler(TimeSpan connectTimeout) => new()
    {
        ConnectCallback = ConnectAsync,
        ConnectTimeout = connectTimeout,
        AllowAutoRedirect = false,
        UseProxy = false,
    };

    private static bool IsInternal(IPAddress address)
    {
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;
        return InternalV4.Exists(n => n.Contains(address));
    }

    private static readonly List<IPNetwork> InternalV4 =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("240.0.0.0/4"),
    ];
}
