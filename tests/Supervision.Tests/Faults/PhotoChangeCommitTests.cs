using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Supervision.TestFaces;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Faults;

/// <summary>
/// A 1.11 photo change is the student's new photo, a photo_change row and, once study began, an anomaly: all
/// committed together or not at all, so a change answered 5001 left none of them and its retry records each once; the
/// swap's kept photos commit with them.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PhotoChangeCommitTests(SupervisionCluster system, PhotoServer photos) : IClassFixture<PhotoServer>
{
    [Fact]
    public async Task A_photo_change_whose_student_write_is_refused_records_nothing_and_its_retry_records_it_once()
    {
        var learner = await Learner.EnrolAsync(system);
        EnvelopeAssert.Code("0", await learner.StartAsync());
        var before = await PhotoAsync(learner);
        var url = $"http://img.example.test/{TestIds.Code("p")}.jpg";

        (HttpStatusCode Status, JsonObject Answer) refused;
        var studentState = $"NEW.kind = 'student' AND NEW.key = '{system.PersonKeys.Of(learner.CardNo)}'";
        await using (await InjectedFault.RefuseAsync(system.ConnectionString, "refuse_student_" + learner.StudentUserCode, "grain_state", studentState))
        {
            refused = await learner.SetPhotoForStatusAsync(url);
        }

        var afterRefused = await PhotoAsync(learner);
        var changesAfterRefused = await RowsNamingAsync("evidence_events", "photo_change", url);
        var anomaliesAfterRefused = await RowsNamingAsync("anomalies", "photo_changed_after_study", url);
        var retry = await learner.SetPhotoAndAnswerAsync(url);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        EnvelopeAssert.Code("5001", refused.Answer);
        Assert.Equal(before, afterRefused);
        Assert.Equal(0, changesAfterRefused);
        Assert.Equal(0, anomaliesAfterRefused);
        EnvelopeAssert.Code("0", retry);
        Assert.Equal(url, await PhotoAsync(learner));
        Assert.Equal(1, await RowsNamingAsync("evidence_events", "photo_change", url));
        Assert.Equal(1, await RowsNamingAsync("anomalies", "photo_changed_after_study", url));
    }

    [Fact]
    public async Task A_swaps_photo_is_kept_only_with_its_committed_anomaly()
    {
        var learner = await Learner.EnrolAsync(system);
        EnvelopeAssert.Code("0", await learner.StartAsync());
        // Bytes of this test's own, so that no other test's kept photo shares their digest.
        var swappedIn = FacePhotos.Variant(FacePhotos.Astronaut, brightness: 0.93f, quality: 71);
        var url = photos.Publish(swappedIn);
        var digest = SHA256.HashData(swappedIn);

        var studentState = $"NEW.kind = 'student' AND NEW.key = '{system.PersonKeys.Of(learner.CardNo)}'";
        await using (await InjectedFault.RefuseAsync(system.ConnectionString, "refuse_swap_" + learner.StudentUserCode, "grain_state", studentState))
        {
            EnvelopeAssert.Code("5001", (await learner.SetPhotoForStatusAsync(url)).Answer);
        }

        var keptAfterRefused = await KeptAsync(digest);
        EnvelopeAssert.Code("0", await learner.SetPhotoAndAnswerAsync(url));

        Assert.Equal(0, keptAfterRefused);
        Assert.Equal(1, await KeptAsync(digest));
        Assert.Equal(1, await Ledger.CountAsync(system, "SELECT count(*) FROM anomalies WHERE kind = 'photo_changed_after_study' AND details->'currentPhoto'->>'sha256' = @d",
            ("d", Convert.ToHexStringLower(digest))));
    }

    private Task<long> KeptAsync(byte[] digest) => Ledger.CountAsync(system, "SELECT count(*) FROM reference_photos WHERE digest = @d", ("d", digest));

    private async Task<string?> PhotoAsync(Learner learner) =>
        (string?)(await system.AdminAsync(HttpMethod.Get, $"/admin/students/{learner.CardNo}"))["returnData"]!["ercunPhotoUrl"];

    /// <summary>Rows of <paramref name="table"/> (evidence or anomalies) of one kind whose details name <paramref name="url"/> as the new photo.</summary>
    private Task<long> RowsNamingAsync(string table, string kind, string url) =>
        Ledger.CountAsync(system, $"SELECT count(*) FROM {table} WHERE kind = @k AND details->>'current' = @u", ("k", kind), ("u", url));
}
