namespace Supervision.WebFront.Apis;

/// <summary>A name a sentence says and the code it stands for (camelCase: code, name).</summary>
public sealed record NamedCode(string Code, string Name);
