using Supervision.Contracts.Platforms;

namespace Supervision.Grains.Platforms;

[GenerateSerializer]
public sealed class PlatformState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public PlatformRole Role { get; set; }
    [Id(2)] public string Account { get; set; } = "";
    [Id(3)] public string PasswordHash { get; set; } = "";
    [Id(4)] public string? ApiBaseUrl { get; set; }
    [Id(5)] public string? OutboundToken { get; set; }

    /// <summary>Raised by every registration, so that the tokens issued under an earlier one are refused.</summary>
    [Id(6)] public int CredentialVersion { get; set; }
}
