namespace Supervision.Contracts.Classes;

/// <summary>A page of the class list, newest first, with how many classes match in all.</summary>
[GenerateSerializer, Immutable]
public sealed record ClassPage(
    [property: Id(0)] int Total,
    [property: Id(1)] IReadOnlyList<ClassSummary> Classes);
