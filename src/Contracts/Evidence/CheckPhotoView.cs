namespace Supervision.Contracts.Evidence;

/// <summary>A stored face-check photo (or a student's registered photo), for the operator only.</summary>
[GenerateSerializer, Immutable]
public sealed record CheckPhotoView([property: Id(0)] long Id, [property: Id(1)] byte[] Image, [property: Id(2)] string ContentType)
{
    /// <summary>Only JPEG and PNG pass the image checks, so the first byte tells them apart.</summary>
    public static CheckPhotoView Of(long id, byte[] image) => new(id, image, image is [0xFF, ..] ? "image/jpeg" : "image/png");
}
