using System.Net;
using System.Net.Sockets;

namespace Supervision.WebFront;

/// <summary>
/// The address a caller is limited under: its IPv4 address, or the /64 network of an IPv6 one, since a single
/// IPv6 subscriber is handed a whole /64 and could otherwise take a fresh address for every guess.
/// </summary>
public static class SourceAddress
{
    public static string Of(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is not { } address)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
