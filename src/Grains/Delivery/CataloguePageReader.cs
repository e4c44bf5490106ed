using System.Text.Json;
using Supervision.Envelope;

namespace Supervision.Grains.Delivery;

/// <summary>
/// Reads 1.14's answer. The seed's table puts pageNo/pageSize/totalPage under returnData, its example at the
/// top level beside a `data` list: both are read. Packages have 1.13's shape and spellings, and are read by the
/// same parser as 1.13; any field it refuses fails the attempt, before anything of the answer is stored.
/// </summary>
public static class CataloguePageReader
{
    private const int MaxList = 10_000;

    public static CataloguePage Read(JsonElement answer, int requestedPage)
    {
        try
        {
            var top = new EnvelopeData(answer, "answer");
            var nested = top.TryGetElement("returnData", out var returnData) && returnData.ValueKind == JsonValueKind.Object
                ? new EnvelopeData(returnData, "answer.returnData")
                : (EnvelopeData?)null;

            var totalPage = (int?)(top.OptionalInteger("totalPage") ?? nested?.OptionalInteger("totalPage"))
                ?? throw new DeliveryFailure("answer.totalPage: is required");
            var pageNo = (int?)(top.OptionalInteger("pageNo") ?? nested?.OptionalInteger("pageNo")) ?? requestedPage;

            var (packages, path) = top.TryGetElement("data", out var list) ? (EnvelopeData.Elements(list, "answer.data", MaxList), "answer.data")
                : nested is { } inner && inner.TryGetElement("data", out list) ? (EnvelopeData.Elements(list, "answer.returnData.data", MaxList), "answer.returnData.data")
                : returnData.ValueKind == JsonValueKind.Array ? (EnvelopeData.Elements(returnData, "answer.returnData", MaxList), "answer.returnData")
                : (Array.Empty<EnvelopeData>(), "answer.data");
            return new CataloguePage(pageNo, totalPage, CoursePackageParser.ParseAll(packages, path));
        }
        catch (EnvelopeRejection e)
        {
            throw new DeliveryFailure(e.Message, e);
        }
    }
}
