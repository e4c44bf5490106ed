using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Supervision.Tests.Infrastructure;

/// <summary>Self-signed certificates made on the spot, written as the PKCS#12 files an operator would give SUPERVISION_TLS_CERTIFICATE.</summary>
public static class TestCertificates
{
    public const string Password = "test-certificate-password";

    public static X509Certificate2 SelfSigned(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false)); // server and client authentication
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    /// <summary>Writes the certificate (with its private key when it has one) to a file in the folder and answers its path.</summary>
    public static string Write(X509Certificate2 certificate, string folder, string name)
    {
        var path = Path.Combine(folder, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }
}
