using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Supervision.WebFront;

/// <summary>
/// Behind a reverse proxy every request arrives from the proxy's address, which would turn the per-address limits
/// into one limit shared by every platform. SUPERVISION_TRUSTED_PROXIES (comma-separated addresses or CIDR networks)
/// names the proxies whose X-Forwarded-For is believed; with none set the header is ignored, so that a client
/// cannot choose the address it is limited under.
/// </summary>
public static class TrustedProxies
{
    public const string Setting = "SUPERVISION_TRUSTED_PROXIES";

    public static void Configure(ForwardedHeadersOptions options, string list)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (entry.Contains('/'))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
            }
            else
            {
                options.KnownProxies.Add(IPAddress.Parse(entry));
            }
        }
    }
}
