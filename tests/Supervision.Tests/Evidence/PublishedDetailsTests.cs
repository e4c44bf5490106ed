using System.Reflection;
using System.Text.Json.Nodes;
using Supervision.Contracts.Evidence;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Evidence;

/// <summary>
/// The details already published: Fixtures/published-details.json holds, for every evidence kind and anomaly kind,
/// one row of each shape the producers wrote (captured from the evidence_events, anomalies and study_reports rows
/// the study, check, class, student, review, flag, crowd and delivery tests left in their databases, as jsonb gave
/// them back). Stored rows are never rewritten, so whatever reads details must read these.
/// </summary>
public sealed class PublishedDetailsTests
{
    public static readonly JsonObject Published = (JsonObject)JsonNode.Parse(
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "Supervision.Tests", "Evidence", "Fixtures", "published-details.json")))!;

    public static IEnumerable<string> EvidenceKinds => typeof(EvidenceKind).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void Every_evidence_kind_and_anomaly_kind_has_its_published_details()
    {
        Assert.Equal(EvidenceKinds.Order(), Samples("evidence").Select(s => s.Kind).Distinct().Order());
        Assert.Equal(AnomalyKind.All.Order(), Samples("anomalies").Select(s => s.Kind).Distinct().Order());
        Assert.All(Samples("anomalies"), s => Assert.IsType<JsonObject>(s.Details));
        Assert.All(Samples("evidence"), s => Assert.True(s.Details is null or JsonObject, s.Kind));
    }

    public static IEnumerable<(string Kind, JsonNode? Details)> Samples(string table) =>
        Published[table]!.AsObject().SelectMany(kind => kind.Value!.AsArray().Select(details => (kind.Key, details?.DeepClone())));
}
