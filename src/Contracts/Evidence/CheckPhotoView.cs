namespace Supervision.Contracts.Evidence;

/// <summary>
/// A stored face-check photo (or a student's registered photo), for the operator only. Made only from bytes that
/// decoded as the image <see cref="ContentType"/> names, so what is served is what it says it is.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CheckPhotoView([property: Id(0)] long Id, [property: Id(1)] byte[] Image, [property: Id(2)] string ContentType);
