namespace Supervision.Contracts.Evidence;

/// <summary>A stored face-check photo, for the operator only.</summary>
[GenerateSerializer, Immutable]
public sealed record CheckPhotoView([property: Id(0)] long Id, [property: Id(1)] byte[] Image, [property: Id(2)] string ContentType);
