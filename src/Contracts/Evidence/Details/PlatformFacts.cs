namespace Supervision.Contracts.Evidence.Details;

/// <summary>A platform's registration before or after a change, without secrets: whether an outbound token is recorded, not the token.</summary>
public sealed record PlatformFacts(string Name, string Role, string Account, string? ApiBaseUrl, bool OutboundToken);
