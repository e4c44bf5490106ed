using Orleans.Connections.Security;
using Orleans.Hosting;

namespace Supervision.ClusterSecurity;

/// <summary>
/// Orleans' TLS (Microsoft.Orleans.Connections.Security) on every connection of the cluster: silo to silo, and front to
/// gateway. Each side presents its certificate and requires the other's, so a process without one of the cluster's
/// certificates cannot even finish the handshake, let alone call a grain.
/// </summary>
public static class ClusterTlsExtensions
{
    public static ISiloBuilder UseClusterTls(this ISiloBuilder silo, ClusterTlsSettings settings) =>
        silo.UseTls(settings.Certificate, options => Configure(options, settings));

    public static IClientBuilder UseClusterTls(this IClientBuilder client, ClusterTlsSettings settings) =>
        client.UseTls(settings.Certificate, options => Configure(options, settings));

    private static void Configure(TlsOptions options, ClusterTlsSettings settings)
    {
        var check = new ClusterPeerCheck(settings.Authorities);
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (certificate, _, _) => check.Admits(certificate);
    }
}
