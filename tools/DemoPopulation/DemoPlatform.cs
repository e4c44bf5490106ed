using System.Security.Cryptography;

namespace Supervision.DemoPopulation;

/// <summary>
/// A platform the operator registers: its password is drawn fresh on every run (never a fixed one anybody could read
/// here) and lives only in this process; registering again replaces it and revokes the tokens issued before.
/// </summary>
public sealed class DemoPlatform(string code, string shortCode, string name, string role, string? apiBaseUrl)
{
    public string Code { get; } = code;

    /// <summary>The prefix of the codes this platform owns (its courses, its students).</summary>
    public string ShortCode { get; } = shortCode;

    public string Name { get; } = name;

    /// <summary>"learning" or "business".</summary>
    public string Role { get; } = role;

    public string? ApiBaseUrl { get; } = apiBaseUrl;

    public string Account => Code.ToLowerInvariant();

    public string Password { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    /// <summary>The token of the last 1.1 login.</summary>
    public string Token { get; set; } = "";

    public DateTimeOffset LoggedInAt { get; set; }
}
