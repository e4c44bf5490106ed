using System.Text;
using Supervision.Contracts;
using Supervision.Contracts.Classes;
using Supervision.Contracts.Evidence;
using Supervision.WebFront.Envelope;

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
        var admin = routes.MapGroup("/admin").AddEndpointFilter<EnvelopeRejectionFilter>().AddEndpointFilter<StoredRouteKeys>();

        admin.MapGet("/evidence/export", async (HttpContext http, string? classCode, string? from, string? to, IClusterClient grains) =>
        {
            if (string.IsNullOrWhiteSpace(classCode))
                throw new EnvelopeRejection(ReturnCode.MissingField, "classCode: required (the class whose evidence to export)");
            var since = QueryValue.Time(from, "from");
            var until = QueryValue.Time(to, "to");
            if (since >= until)
                throw new EnvelopeRejection(ReturnCode.InvalidField, "to: must be after from");
            if (await grains.GetGrain<IClassGrain>(classCode).Describe() is null)
                return new EnvelopeAnswer(ReturnCode.ClassNotFound, $"classCode: no class {classCode}", statusCode: StatusCodes.Status404NotFound);

            http.Response.ContentType = ContentType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{Uri.EscapeDataString(classCode)}-evidence.jsonl\"";
            var lines = grains.GetGrain<IEvidenceExportGrain>(0).Export(classCode, since, until);
            await foreach (var line in lines.WithCancellation(http.RequestAborted))
            {
                await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), http.RequestAborted);
            }

            return Results.Empty;
        }).ForViewers();
    }
}
