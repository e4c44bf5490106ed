namespace Supervision.Silo;

/// <summary>
/// Where a silo serves the Orleans Dashboard: SUPERVISION_DASHBOARD_PORT (off when unset or empty) on
/// SUPERVISION_DASHBOARD_HOST, loopback unless set, since the dashboard has no login of its own. It answers only
/// requests whose Host names it (<see cref="AllowedHosts"/>): a web page that rebinds its own name to 127.0.0.1 makes
/// the visitor's browser send that name, and is refused.
/// </summary>
public sealed record DashboardSettings(string Host, int Port, IReadOnlyList<string> AllowedHosts)
{
    public string Url => $"http://{Host}:{Port}";

    public static DashboardSettings? From(IConfiguration configuration)
    {
        if (!int.TryParse(configuration["SUPERVISION_DASHBOARD_PORT"], out var port))
        {
            return null;
        }

        var host = configuration["SUPERVISION_DASHBOARD_HOST"] is { Length: > 0 } named ? named : "127.0.0.1";
        var wildcard = host is "0.0.0.0" or "::" or "[::]" or "*" or "+";
        var allowed = new List<string> { "localhost", "127.0.0.1", "[::1]" };
        if (!wildcard)
        {
            allowed.Add(host.Contains(':') && !host.StartsWith('[') ? $"[{host}]" : host);
        }

        allowed.AddRange((configuration["SUPERVISION_DASHBOARD_ALLOWED_HOSTS"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return new DashboardSettings(host, port, allowed.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>Whether a request's Host header (its name, without the port) is one the dashboard answers.</summary>
    public bool Admits(Microsoft.AspNetCore.Http.HostString host) =>
        host.HasValue && AllowedHosts.Contains(host.Host, StringComparer.OrdinalIgnoreCase);
}
