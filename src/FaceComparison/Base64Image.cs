namespace Supervision.FaceComparison;

/// <summary>Turns a submitted base64 photo into bytes; browsers send a <c>data:image/...;base64,</c> prefix and cloud APIs refuse it.</summary>
public static class Base64Image
{
    public static string StripDataPrefix(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            return trimmed;
        var comma = trimmed.IndexOf(',');
        return comma < 0 ? trimmed : trimmed[(comma + 1)..];
    }

    public static byte[] Decode(string text)
    {
        var payload = StripDataPrefix(text);
        if (payload.Length == 0)
            throw new ImageRejectedException(ImageRejectionReason.Empty, "The image is empty.");
        try
        {
            return Convert.FromBase64String(payload);
        }
        catch (FormatException)
        {
            throw new ImageRejectedException(ImageRejectionReason.NotBase64, "The image is not valid base64.");
        }
    }
}
