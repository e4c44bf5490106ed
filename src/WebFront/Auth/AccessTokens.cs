using Microsoft.Extensions.DependencyInjection;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Supervision.Contracts;
using Supervision.Contracts.Platforms;

namespace Supervision.WebFront.Auth;

/// <summary>
/// Self-contained signed tokens: "payload.signature", both base64url, where the payload is
/// "role|platformCode|expiresUnixSeconds|nonce|credentialVersion" and the signature its HMAC-SHA256 under the
/// cluster's key. Any front verifies one without a round trip, which keeps the hot path at one grain call; only the
/// credential version is compared with the platform's, as <see cref="CredentialVersions"/> keeps it (told of every
/// re-registration before it answers).
/// </summary>
public sealed class AccessTokens(
    TokenSigningKey signingKey, CredentialVersions versions, FrontOptions options, [FromKeyedServices(ClockKey.Name)] TimeProvider time)
{
    public async ValueTask<(string Token, DateTimeOffset ExpiresAt)> IssueAsync(PlatformIdentity identity, CancellationToken cancellationToken)
    {
        var expiresAt = time.GetUtcNow() + options.TokenLifetime;
        var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12));
        var payload = Encoding.UTF8.GetBytes($"{(int)identity.Role}|{identity.Code}|{expiresAt.ToUnixTimeSeconds()}|{nonce}|{identity.CredentialVersion}");
        var signature = HMACSHA256.HashData(await signingKey.GetAsync(cancellationToken), payload);
        return ($"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(signature)}", expiresAt);
    }

    public async ValueTask<TokenCheck> CheckAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return new(null, ReturnCode.TokenMissing);
        }

        var dot = token.IndexOf('.');
        if (dot <= 0 || token.Length > 512)
        {
            return new(null, ReturnCode.TokenInvalid);
        }

        byte[] payload, signature;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return new(null, ReturnCode.TokenInvalid);
        }

        var expected = HMACSHA256.HashData(await signingKey.GetAsync(cancellationToken), payload);
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return new(null, ReturnCode.TokenInvalid);
        }

        var parts = Encoding.UTF8.GetString(payload).Split('|');
        if (parts.Length != 5 || !int.TryParse(parts[0], out var role) || !long.TryParse(parts[2], out var expires)
            || !int.TryParse(parts[4], out var version))
        {
            return new(null, ReturnCode.TokenInvalid);
        }

        if (time.GetUtcNow().ToUnixTimeSeconds() >= expires)
        {
            return new(null, ReturnCode.TokenExpired);
        }

        if (await versions.CurrentAsync(parts[1], version) != version)
        {
            return new(null, ReturnCode.TokenRevoked);
        }

        // The name is not in the token: nothing on the request path needs it.
        return new(new PlatformIdentity(parts[1], "", (PlatformRole)role, version), ReturnCode.Success);
    }
}
