using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace Supervision.ClusterSecurity;

/// <summary>
/// Mutual TLS between the processes of one cluster (silos and fronts), on when SUPERVISION_TLS_CERTIFICATE names a
/// PKCS#12 file (password in SUPERVISION_TLS_CERTIFICATE_PASSWORD). Every process holds a certificate with its private
/// key; the file's other certificates, or the certificate itself when it is self-signed, are the authorities a peer's
/// certificate must come from. One self-signed certificate shared by every process is the simplest setup.
/// </summary>
public sealed record ClusterTlsSettings(X509Certificate2 Certificate, X509Certificate2Collection Authorities)
{
    public const string CertificateSetting = "SUPERVISION_TLS_CERTIFICATE";
    public const string PasswordSetting = "SUPERVISION_TLS_CERTIFICATE_PASSWORD";

    /// <summary>The settings, or null when TLS is off (no certificate configured).</summary>
    /// <exception cref="InvalidOperationException">The file is missing, unreadable, or holds no usable certificate.</exception>
    public static ClusterTlsSettings? From(IConfiguration configuration) =>
        configuration[CertificateSetting] is { Length: > 0 } path ? Load(path, configuration[PasswordSetting]) : null;

    public static ClusterTlsSettings Load(string path, string? password)
    {
        X509Certificate2Collection all;
        try
        {
            all = X509CertificateLoader.LoadPkcs12CollectionFromFile(path, password);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{CertificateSetting}: cannot read {path} as PKCS#12 with the password in {PasswordSetting} ({e.GetType().Name}).", e);
        }

        var own = all.FirstOrDefault(c => c.HasPrivateKey)
            ?? throw new InvalidOperationException($"{CertificateSetting}: {path} holds no certificate with its private key.");
        var authorities = new X509Certificate2Collection(all.Where(c => c != own).ToArray());
        if (own.SubjectName.RawData.AsSpan().SequenceEqual(own.IssuerName.RawData))
            authorities.Add(own);
        if (authorities.Count == 0)
            throw new InvalidOperationException($"{CertificateSetting}: {path} holds neither a self-signed certificate nor the authority that issued it.");
        return new ClusterTlsSettings(own, authorities);
    }
}
