using System.Text.Json.Serialization;

namespace Supervision.Contracts.Evidence.Details;

/// <summary>
/// One of a swap's two registered photos as the server kept it when it recorded the swap: the SHA-256 (hex) of the bytes
/// kept under it in reference_photos, or, when nothing could be kept, why not (<see cref="NotKept"/>: a reason's code,
/// <see cref="Why"/>: the fetch's own words). Never filled in later: a photo not kept at the swap stays not kept.
/// </summary>
public sealed record SwapPhoto(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sha256 = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NotKept = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Why = null)
{
    /// <summary>The address could not be fetched (refused by the fetch rule, unreachable, an error status, too large, too slow).</summary>
    public const string NotFetched = "not_fetched";

    /// <summary>The address answered bytes that do not decode as a whole JPEG or PNG within the photo limits.</summary>
    public const string NotAnImage = "not_an_image";

    public static SwapPhoto Kept(byte[] digest) => new(Sha256: Convert.ToHexStringLower(digest));

    public static SwapPhoto Refused(string reason, string why) => new(NotKept: reason, Why: why);
}
