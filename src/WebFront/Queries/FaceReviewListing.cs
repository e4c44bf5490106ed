using System.ComponentModel;
using Supervision.Contracts.Reviews;
using Supervision.WebFront.Apis;
using Supervision.WebFront.Declarations;

namespace Supervision.WebFront.Queries;

/// <summary>GET /admin/face-reviews: a page of the queue, filtered and ordered.</summary>
public sealed record FaceReviewListing(
    [property: QueryInteger(1, 1, int.MaxValue), Description("The page, from 1")] int Page,
    [property: QueryInteger(FaceReviewApi.DefaultPageSize, 1, FaceReviewQuery.MaxPageSize), Description("Items a page")] int PageSize,
    [property: QueryText(Trimmed = true), Description("Only photos this learning platform sent")] string? PlatformCode,
    [property: QueryText(Trimmed = true), Description("Only this class")] string? ClassCode,
    [property: QueryChoice("risk", "newest", Fallback = "risk", EmptyIsAbsent = true),
        Description("risk: a pass in the band first, nearest the threshold first; newest: latest attempt first")] string Sort)
    : IQueryDeclaration<FaceReviewListing>
{
    public FaceReviewQuery Query() => new(Page, PageSize, PlatformCode, ClassCode, Sort == "newest" ? FaceReviewOrder.Newest : FaceReviewOrder.Risk);
}
