using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Supervision.Grains.Fetching;

/// <summary>
/// Fetches photos by URL (SPEC rule 12): http or https only, through <see cref="FetchPolicy"/>, within a time
/// limit and a byte cap that is enforced while reading, so a server that lies about its length costs nothing.
/// </summary>
/// <remarks>
/// What the caller hears is generic: a socket or DNS message would tell whoever sends URLs which internal hosts
/// and ports exist. The detail goes to the log with the URL's host only, since its path and query may carry an ID
/// number or a token.
/// </remarks>
public sealed class PhotoDownloader(HttpClient client, TimeSpan timeout, int maxBytes, ILogger<PhotoDownloader> logger)
{
    public const string NotAllowed = "the address is not allowed";
    public const string Unreachable = "could not fetch the image";

    public async Task<byte[]> DownloadAsync(string url, CancellationToken cancellation)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !FetchPolicy.IsAllowedScheme(uri))
            throw new PhotoFetchException("not an absolute http or https URL");

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/*"));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (!response.IsSuccessStatusCode)
                throw new PhotoFetchException($"the server answered HTTP {(int)response.StatusCode}");
            if (response.Content.Headers.ContentLength > maxBytes)
                throw new PhotoFetchException($"larger than {maxBytes} bytes");
            return await ReadBoundedAsync(await response.Content.ReadAsStreamAsync(deadline.Token), deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new PhotoFetchException($"no complete answer within {timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e) when (FetchRefusedException.IsCauseOf(e))
        {
            logger.LogInformation("Photo fetch from {Host} refused by the fetch rule (SUPERVISION_FETCH_ALLOW)", uri.IdnHost);
            throw new PhotoFetchException(NotAllowed, e);
        }
        catch (HttpRequestException e)
        {
            logger.LogInformation("Photo fetch from {Host} failed: {Error}, socket {SocketError}",
                uri.IdnHost, e.HttpRequestError, (e.InnerException as SocketException)?.SocketErrorCode);
            throw new PhotoFetchException(Unreachable, e);
        }
        catch (IOException e)
        {
            // The connection broke while the body was being read.
            logger.LogInformation("Photo fetch from {Host} broke off while reading: {Error}", uri.IdnHost, e.GetType().Name);
            throw new PhotoFetchException(Unreachable, e);
        }
    }

    private async Task<byte[]> ReadBoundedAsync(Stream body, CancellationToken cancellation)
    {
        await using (body)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81_920];
            int read;
            while ((read = await body.ReadAsync(chunk, cancellation)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                    throw new PhotoFetchException($"larger than {maxBytes} bytes");
                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }
}
