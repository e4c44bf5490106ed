using System.Net;

namespace Supervision.Silo;

/// <summary>Where a silo finds the database and listens, from the environment (SUPERVISION_*) or configuration.</summary>
/// <param name="Address">
/// The one address the silo and gateway ports listen on and that the silo advertises in the membership table
/// (SUPERVISION_ADVERTISED_HOST): loopback unless set, never every interface, since anything that reaches these
/// ports can call every grain without a token.
/// </param>
public sealed record SiloSettings(string ConnectionString, string ClusterId, int SiloPort, int GatewayPort, IPAddress Address)
{
    /// <summary>Grain state is keyed by service id: it must stay the same across deployments of one installation.</summary>
    public const string ServiceId = "supervision";

    public const string AddressSetting = "SUPERVISION_ADVERTISED_HOST";

    public static SiloSettings From(IConfiguration configuration) => new(
        configuration["SUPERVISION_DB"] ?? configuration.GetConnectionString("Supervision")
            ?? throw new InvalidOperationException("No database: set SUPERVISION_DB to a PostgreSQL connection string."),
        configuration["SUPERVISION_CLUSTER_ID"] ?? "supervision",
        configuration.GetValue("SUPERVISION_SILO_PORT", 11111),
        configuration.GetValue("SUPERVISION_GATEWAY_PORT", 30000),
        ListeningAddress(configuration[AddressSetting] is { Length: > 0 } host ? host : "127.0.0.1"));

    private static IPAddress ListeningAddress(string host)
    {
        var address = IPAddress.TryParse(host, out var parsed)
            ? parsed
            : Array.Find(Dns.GetHostAddresses(host), a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                ?? throw new InvalidOperationException($"{AddressSetting}: {host} resolves to no IPv4 address.");
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            throw new InvalidOperationException(
                $"{AddressSetting}: {host} is every interface; name this host's loopback or private address (the silo listens on that one only).");
        return address;
    }
}
