namespace Supervision.Grains.Platforms;

/// <summary>
/// The form under which a learning platform's API URL is looked up: business platforms type the same
/// address with different case, trailing slashes and stray spaces.
/// </summary>
public static class ApiUrlKey
{
    public static string? Of(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var trimmed = url.Trim().TrimEnd('/');
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            ? $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath.TrimEnd('/')}".ToLowerInvariant()
            : trimmed.ToLowerInvariant();
    }
}
