namespace Supervision.Silo;

/// <summary>
/// Where a silo serves the Orleans Dashboard: SUPERVISION_DASHBOARD_PORT (off when unset or empty) on
/// SUPERVISION_DASHBOARD_HOST, loopback unless set, since the dashboard has no login of its own.
/// </summary>
public sealed record DashboardSettings(string Host, int Port)
{
    public string Url => $"http://{Host}:{Port}";

    public static DashboardSettings? From(IConfiguration configuration) =>
        int.TryParse(configuration["SUPERVISION_DASHBOARD_PORT"], out var port)
            ? new DashboardSettings(configuration["SUPERVISION_DASHBOARD_HOST"] is { Length: > 0 } host ? host : "127.0.0.1", port)
            : null;
}
