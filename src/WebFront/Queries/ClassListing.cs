using System.ComponentModel;
using Supervision.WebFront.Declarations;

namespace Supervision.WebFront.Queries;

/// <summary>GET /admin/classes: a page of the classes, newest first.</summary>
public sealed record ClassListing(
    [property: QueryText, Description("Part of the class code, name or organisation")] string? Search,
    [property: QueryInteger(0, 0, int.MaxValue), Description("Skip this many")] int Offset,
    [property: QueryInteger(50, 1, 200), Description("Classes a page")] int Limit)
    : IQueryDeclaration<ClassListing>;
