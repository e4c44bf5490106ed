namespace Supervision.Contracts.Checks;

/// <summary>The submitted photo as sent: base64 (with or without a <c>data:</c> prefix) or an http(s) URL the silo fetches.</summary>
[GenerateSerializer, Immutable]
public sealed record FacePhoto([property: Id(0)] string Target, [property: Id(1)] bool IsUrl);
