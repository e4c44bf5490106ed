namespace Supervision.Tests.Infrastructure;

/// <summary>Tests in this collection share one running system; each uses codes of its own so they do not meet.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<SupervisionCluster>
{
    public const string Name = "cluster";
}
