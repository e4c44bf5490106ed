namespace Supervision.Grains.Evidence;

/// <summary>A check photo under the id reserved for it, as a row of its attempt's ledger write (<see cref="CheckPhotoArchive.Row"/>).</summary>
public sealed record ReservedCheckPhoto(long Id, CheckPhotoRecord Photo);
