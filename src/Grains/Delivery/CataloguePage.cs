using Supervision.Contracts.Courses;

namespace Supervision.Grains.Delivery;

/// <summary>One page of a 1.14 answer.</summary>
public sealed record CataloguePage(int PageNo, int TotalPage, IReadOnlyList<CoursePackage> Packages);
