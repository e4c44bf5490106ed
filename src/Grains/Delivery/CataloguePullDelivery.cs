using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Supervision.Contracts.Courses;
using Supervision.Contracts.Platforms;

namespace Supervision.Grains.Delivery;

/// <summary>
/// One 1.14 attempt, a page at a time: each page is read, checked whole and stored before the next is asked for, so
/// a silo holds one page (at most <see cref="DeliveryOptions.MaxAnswerBytes"/>) whatever the catalogue's size. A
/// garbled page fails the attempt and stores nothing of itself; the pages before it stay stored (each a valid set of
/// courses, stored as a 1.13 push of them would be), and the retry pulls from page 1 again. Later pages win over
/// earlier ones for a repeated course code, as within a 1.13 push.
/// </summary>
public sealed class CataloguePullDelivery(IGrainFactory grains, LearningPlatformClient client, IOptions<DeliveryOptions> options)
{
    public const string Path = "/api/v1/thirdCoursePull";

    public async Task<AttemptOutcome> DeliverAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        var platform = await grains.GetGrain<IPlatformGrain>(delivery.PlatformCode).Endpoint();
        if (platform is not { Role: PlatformRole.Learning })
        {
            throw new DeliveryFailure($"{delivery.PlatformCode} is not a registered learning platform");
        }

        var totalPage = 1;
        for (var pageNo = 1; pageNo <= totalPage; pageNo++)
        {
            var page = await ReadPageAsync(platform, pageNo, cancellationToken);
            if (page.TotalPage > options.Value.PullMaxPages)
            {
                throw new DeliveryFailure($"answer .totalPage: {page.TotalPage} is over the limit of {options.Value.PullMaxPages} pages");
            }

            totalPage = page.TotalPage;
            var stored = await grains.GetGrain<ICourseIntakeGrain>(0).Push(page.Packages, delivery.PlatformCode);
            if (!stored.Succeeded)
            {
                throw new DeliveryFailure($"catalogue page {pageNo} not stored: {stored.Message}");
            }
        }

        return AttemptOutcome.Delivered;
    }

    /// <summary>One page, parsed; the answer's document is released before its courses are stored.</summary>
    private async Task<CataloguePage> ReadPageAsync(PlatformEndpoint platform, int pageNo, CancellationToken cancellationToken)
    {
        var request = new JsonObject { ["pageNo"] = pageNo, ["pageSize"] = options.Value.PullPageSize };
        using var answer = await client.PostAsync(platform, Path, request, cancellationToken);
        return CataloguePageReader.Read(answer.RootElement, pageNo);
    }
}
