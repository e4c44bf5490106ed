using Microsoft.Extensions.DependencyInjection;
using System.Buffers.Text;
using System.Globalization;
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

        var key = await signingKey.GetAsync(cancellationToken);
        if (!TryRead(token, dot, key, out var role, out var code, out var expires, out var version))
        {
            return new(null, ReturnCode.TokenInvalid);
        }

        if (time.GetUtcNow().ToUnixTimeSeconds() >= expires)
        {
            return new(null, ReturnCode.TokenExpired);
        }

        if (await versions.CurrentAsync(code, version) != version)
        {
            return new(null, ReturnCode.TokenRevoked);
        }

        // The name is not in the token: nothing on the request path needs it.
        return new(new PlatformIdentity(code, "", (PlatformRole)role, version), ReturnCode.Success);
    }

    /// <summary>
    /// The payload's fields, when the signature is the key's over it. Every request is checked so, so the token is
    /// decoded, verified and read in buffers on the stack: only the platform's code becomes a string.
    /// </summary>
    private static bool TryRead(string token, int dot, byte[] key, out int role, out string code, out long expires, out int version)
    {
        (role, code, expires, version) = (0, "", 0, 0);
        // A token is at most 512 characters, so either half decodes to at most 384 bytes.
        Span<byte> payload = stackalloc byte[384];
        Span<byte> signature = stackalloc byte[384];
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (Base64Url.DecodeFromChars(token.AsSpan(0, dot), payload, out _, out var payloadLength) != System.Buffers.OperationStatus.Done
            || Base64Url.DecodeFromChars(token.AsSpan(dot + 1), signature, out _, out var signatureLength) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        payload = payload[..payloadLength];
        HMACSHA256.HashData(key, payload, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, signature[..signatureLength]))
        {
            return false;
        }

        // "role|platformCode|expiresUnixSeconds|nonce|credentialVersion": exactly four bars.
        Span<int> bars = stackalloc int[4];
        var count = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            if (payload[i] == (byte)'|')
            {
                if (count == bars.Length)
                {
                    return false;
                }

                bars[count++] = i;
            }
        }

        if (count != bars.Length
            || !int.TryParse(payload[..bars[0]], NumberStyles.Integer, CultureInfo.InvariantCulture, out role)
            || !long.TryParse(payload[(bars[1] + 1)..bars[2]], NumberStyles.Integer, CultureInfo.InvariantCulture, out expires)
            || !int.TryParse(payload[(bars[3] + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out version))
        {
            return false;
        }

        code = Encoding.UTF8.GetString(payload[(bars[0] + 1)..bars[1]]);
        return true;
    }
}
