namespace Supervision.Silo;

/// <summary>Where a silo finds the database and listens, from the environment (SUPERVISION_*) or configuration.</summary>
public sealed record SiloSettings(string ConnectionString, string ClusterId, int SiloPort, int GatewayPort, string AdvertisedHost)
{
    /// <summary>Grain state is keyed by service id: it must stay the same across deployments of one installation.</summary>
    public const string ServiceId = "supervision";

    public static SiloSettings From(IConfiguration configuration) => new(
        configuration["SUPERVISION_DB"] ?? configuration.GetConnectionString("Supervision")
            ?? throw new InvalidOperationException("No database: set SUPERVISION_DB to a PostgreSQL connection string."),
        configuration["SUPERVISION_CLUSTER_ID"] ?? "supervision",
        configuration.GetValue("SUPERVISION_SILO_PORT", 11111),
        configuration.GetValue("SUPERVISION_GATEWAY_PORT", 30000),
        configuration["SUPERVISION_ADVERTISED_HOST"] ?? "127.0.0.1");
}
