using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Supervision.Contracts;
using Supervision.Contracts.Operators;

namespace Supervision.WebFront.Auth;

/// <summary>
/// An operator's session: a signed token "payload.signature" (base64url) whose payload is
/// "operator|expiresUnixSeconds|nonce|version|account". It is signed under the cluster's key with a purpose of its
/// own, so a platform's token never passes for an operator's. Any front verifies the signature and the expiry; the
/// account directory then says whether the account still stands at that version and with which role, on every
/// request, so a demoted, disabled or re-passworded account's sessions end at once.
/// </summary>
public sealed class OperatorSessions(
    TokenSigningKey signingKey, IClusterClient grains, FrontOptions options, [FromKeyedServices(ClockKey.Name)] TimeProvider time)
{
    private const string Purpose = "operator";

    public async ValueTask<(string Token, DateTimeOffset ExpiresAt)> IssueAsync(OperatorSession session, CancellationToken cancellationToken)
    {
        var expiresAt = time.GetUtcNow() + options.OperatorSessionLifetime;
        var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12));
        var payload = Encoding.UTF8.GetBytes($"{Purpose}|{expiresAt.ToUnixTimeSeconds()}|{nonce}|{session.Version}|{session.Account}");
        return ($"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(await SignAsync(payload, cancellationToken))}", expiresAt);
    }

    /// <summary>The session as the directory vouches for it now, or null for a token that is forged, expired or revoked.</summary>
    public async ValueTask<OperatorSession?> CheckAsync(string token, CancellationToken cancellationToken)
    {
        var dot = token.IndexOf('.');
        if (dot <= 0 || token.Length > 1024)
        {
            return null;
        }

        byte[] payload, signature;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(await SignAsync(payload, cancellationToken), signature))
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(payload).Split('|', 5);
        if (parts is not [Purpose, var expiresText, _, var versionText, var account]
            || !long.TryParse(expiresText, out var expires) || !int.TryParse(versionText, out var version)
            || time.GetUtcNow().ToUnixTimeSeconds() >= expires)
        {
            return null;
        }

        return await grains.GetGrain<IOperatorDirectoryGrain>(0).Session(account, version);
    }

    private async ValueTask<byte[]> SignAsync(byte[] payload, CancellationToken cancellationToken)
    {
        var key = await signingKey.GetAsync(cancellationToken);
        byte[] purposed = [.. Encoding.ASCII.GetBytes(Purpose + ":"), .. payload];
        return HMACSHA256.HashData(key, purposed);
    }
}
