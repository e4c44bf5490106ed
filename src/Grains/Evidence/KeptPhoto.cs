namespace Supervision.Grains.Evidence;

/// <summary>A registered photo's bytes to keep under their SHA-256, as a row of a ledger write (<see cref="KeptPhotos.Row"/>).</summary>
public sealed record KeptPhoto(byte[] Digest, DateTimeOffset At, byte[] Image);
