namespace Supervision.WebFront.Declarations;

/// <summary>Endpoint metadata: the route is the seed's misspelling of <see cref="Path"/>, served exactly as it.</summary>
public sealed record SeedAlias(string Path);
