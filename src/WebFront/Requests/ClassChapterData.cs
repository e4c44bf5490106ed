using Supervision.Contracts.Classes;
using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Requests;

/// <summary>A chapter of a 2.4 class's course.</summary>
public readonly record struct ClassChapterData(
    [property: Code("chapetCode")] string ChapterCode,
    [property: Text(256)] string? Title,
    [property: Integer(int.MinValue, int.MaxValue)] int? Sort,
    [property: Objects(1_000)] IReadOnlyList<ClassResourceData>? Children)
{
    public ClassChapter Chapter() => new(ChapterCode, Title, Sort ?? 0, (Children ?? []).Select(resource => resource.Resource()).ToList());
}
