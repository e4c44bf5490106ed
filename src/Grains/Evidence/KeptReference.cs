namespace Supervision.Grains.Evidence;

/// <summary>
/// The registered photo kept with a check photo: the URL it was fetched from, the SHA-256 of its bytes and the bytes.
/// All null for a check photo stored before references were kept.
/// </summary>
public sealed record KeptReference(string? Url, byte[]? Digest, byte[]? Image);
