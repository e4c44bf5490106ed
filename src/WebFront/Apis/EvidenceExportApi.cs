using System.Text;
using Supervision.Contracts;
using Supervision.Contracts.Classes;
using Supervision.Contracts.Evidence;
using Supervision.WebFront.Declarations;
using Supervision.WebFront.Envelope;
using Supervision.WebFront.Queries;

namespace Supervision.WebFront.Apis;

/// <summary>
/// The sealed export of a class's evidence for an auditor (docs/evidence-export.md): streamed from the silo line by
/// line, so a class of any size leaves without being held in memory; scripts/verify-evidence.sh checks it offline.
/// </summary>
public static class EvidenceExportApi
{
    public const string ContentType = "application/x-ndjson";

    public static void MapEvidenceExportApi(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapOperatorGroup();

        admin.MapGet("/evidence/export", async (HttpContext http, EvidenceExportRange range, IClusterClient grains) =>
        {
            if (range.From >= range.To)
                throw new EnvelopeRejection(ReturnCode.InvalidField, "to: must be after from");
            if (await grains.GetGrain<IClassGrain>(range.ClassCode).Describe() is null)
                return new EnvelopeAnswer(ReturnCode.ClassNotFound, $"classCode: no class {range.ClassCode}", statusCode: StatusCodes.Status404NotFound);

            http.Response.ContentType = ContentType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{Uri.EscapeDataString(range.ClassCode)}-evidence.jsonl\"";
            var lines = grains.GetGrain<IEvidenceExportGrain>(0).Export(range.ClassCode, range.From, range.To);
            await foreach (var line in lines.WithCancellation(http.RequestAborted))
            {
                await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), http.RequestAborted);
            }

            return Results.Empty;
        }).ForViewers()
            .WithSummary("A class's sealed evidence bundle")
            .WithDescription("Every evidence chain holding the class's records (records outside `from` and `to` elided), the daily seals with the "
                + "class's proofs and the seal keys, as JSON lines for an auditor to verify offline with scripts/verify-evidence.sh "
                + "(docs/evidence-export.md).")
            .AnswersFile(null, ContentType).Fails(ReturnCode.MissingField, ReturnCode.InvalidField, ReturnCode.ClassNotFound);
    }
}
