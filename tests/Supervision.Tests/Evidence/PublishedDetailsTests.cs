using System.Reflection;
using System.Text.Json.Nodes;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Evidence.Details;
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

    /// <summary>The kinds whose rows carry no details: no record type, and nothing to read.</summary>
    private static readonly string[] WithoutDetails = [EvidenceKind.SessionResume, EvidenceKind.RealName, EvidenceKind.ReportDevice];

    [Fact]
    public void Every_kind_with_details_has_one_record_type_and_the_rest_have_none()
    {
        Assert.Equal(EvidenceKinds.Except(WithoutDetails).Order(), DetailsJson.EvidenceKinds.Order());
        Assert.Equal(AnomalyKind.All.Order(), DetailsJson.AnomalyKinds.Order());
        Assert.All(Samples("evidence").Where(s => WithoutDetails.Contains(s.Kind)), s => Assert.Null(s.Details));
    }

    [Fact]
    public void Published_evidence_details_read_into_their_kinds_type_and_write_back_the_same_json()
    {
        foreach (var (kind, details) in Samples("evidence").Where(s => s.Details is not null))
        {
            var read = DetailsJson.ReadEvidence(kind, details!.ToJsonString());
            Assert.True(read is not null, $"{kind}: {details.ToJsonString()} does not read");
            Assert.Equal(kind, DetailsJson.KindOf(read));
            AssertSameJson(kind, WithoutNullDeclined(kind, details), DetailsJson.Write(read));
        }
    }

    [Fact]
    public void Published_anomaly_details_read_into_their_kinds_type_and_write_back_the_same_json()
    {
        foreach (var (kind, details) in Samples("anomalies"))
        {
            var read = DetailsJson.ReadAnomaly(kind, details!.ToJsonString());
            Assert.True(read is not null, $"{kind}: {details.ToJsonString()} does not read");
            Assert.Equal(kind, DetailsJson.KindOf(read));
            AssertSameJson(kind, details, DetailsJson.Write(read));
        }
    }

    [Fact]
    public void Details_of_another_shape_read_as_none_rather_than_as_zeros()
    {
        Assert.Null(DetailsJson.ReadAnomaly(AnomalyKind.PositionJump, """{"from":1,"to":900}"""));
        Assert.Null(DetailsJson.ReadAnomaly(AnomalyKind.PositionJump, """{"from":1,"to":"far","played":1,"jumpSeconds":1}"""));
        Assert.Null(DetailsJson.ReadAnomaly(AnomalyKind.ConcurrentSession, """{"otherClassCode":null,"otherStartedAt":"2026-03-01T01:02:03Z","lastActiveAt":"2026-03-01T01:02:03Z"}"""));
        Assert.Null(DetailsJson.ReadAnomaly("a_kind_from_the_future", "{}"));
        Assert.Null(DetailsJson.ReadEvidence(EvidenceKind.SessionResume, "{}"));
        Assert.NotNull(DetailsJson.ReadAnomaly(AnomalyKind.RapidRestarts, """{"starts":5,"windowSeconds":60,"addedLater":true}"""));
    }

    [Fact]
    public void Details_written_as_their_base_type_carry_no_discriminator()
    {
        EvidenceDetails evidence = new SessionPauseEvidence(60, 2);
        AnomalyDetails anomaly = new PositionJump(120, 900, 60, 720);
        Assert.Equal("""{"credited":60,"reports":2}""", System.Text.Json.JsonSerializer.Serialize(evidence, DetailsJson.Options));
        Assert.Equal("""{"from":120,"to":900,"played":60,"jumpSeconds":720}""", DetailsJson.Write(anomaly));
    }

    private static void AssertSameJson(string kind, JsonNode? expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(actual)), $"{kind}: published {expected?.ToJsonString()}, written {actual}");

    /// <summary>
    /// An operator's class_policy wrote "declined": null when there was no proposal to decline; the record writes
    /// only each action's own fields and leaves a null out, which reads the same.
    /// </summary>
    private static JsonNode WithoutNullDeclined(string kind, JsonNode details)
    {
        var copy = details.DeepClone();
        if (kind == EvidenceKind.ClassPolicy && copy is JsonObject policy && policy.TryGetPropertyValue("declined", out var declined) && declined is null)
            policy.Remove("declined");
        return copy;
    }

    public static IEnumerable<(string Kind, JsonNode? Details)> Samples(string table) =>
        Published[table]!.AsObject().SelectMany(kind => kind.Value!.AsArray().Select(details => (kind.Key, details?.DeepClone())));
}
