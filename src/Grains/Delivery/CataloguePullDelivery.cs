using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Supervision.Contracts.Courses;
using Supervision.Contracts.Platforms;

namespace Supervision.Grains.Delivery;

/// <summary>
/// One 1.14 attempt: reads every page first and stores only when all of them read well, so a garbled page
/// changes nothing. Later pages win over earlier ones for a repeated course code, as within a 1.13 push.
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

        var packages = new List<CoursePackage>();
        var totalPage = 1;
        for (var pageNo = 1; pageNo <= totalPage; pageNo++)
        {
            var request = new JsonObject { ["pageNo"] = pageNo, ["pageSize"] = options.Value.PullPageSize };
            using var answer = await client.PostAsync(platform, Path, request, cancellationToken);
            var page = CataloguePageReader.Read(answer.RootElement, pageNo);
            if (page.TotalPage > options.Value.PullMaxPages)
            {
                throw new DeliveryFailure($"answer .totalPage: {page.TotalPage} is over the limit of {options.Value.PullMaxPages} pages");
            }

            totalPage = page.TotalPage;
            packages.AddRange(page.Packages);
        }

        var stored = await grains.GetGrain<ICourseIntakeGrain>(0).Push(packages, delivery.PlatformCode);
        return stored.Succeeded ? AttemptOutcome.Delivered : throw new DeliveryFailure($"catalogue not stored: {stored.Message}");
    }
}
