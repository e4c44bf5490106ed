using System.Security.Cryptography.X509Certificates;

namespace Supervision.ClusterSecurity;

/// <summary>
/// Whether a peer's certificate comes from one of the cluster's authorities. Peers are silos and fronts reached by
/// address, so the host name is not checked: holding a certificate of this cluster is what admits a peer. The authority
/// is private, so there is no revocation list to ask; an expired certificate is refused.
/// </summary>
public sealed class ClusterPeerCheck(X509Certificate2Collection authorities)
{
    public bool Admits(X509Certificate2 peer)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(peer);
    }
}
