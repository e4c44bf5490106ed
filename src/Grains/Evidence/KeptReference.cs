namespace Supervision.Grains.Evidence;

/// <summary>
/// The registered photo kept with a check photo: the SHA-256 its row names and the bytes kept under it. Both null for a
/// check photo stored before references were kept.
/// </summary>
public sealed record KeptReference(byte[]? Digest, byte[]? Image);
