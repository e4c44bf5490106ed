namespace Supervision.WebFront.Declarations;

/// <summary>Endpoint metadata: failure codes the endpoint may answer. An endpoint's group and the endpoint each add theirs.</summary>
public sealed record AnsweredCodes(IReadOnlyList<string> Codes);
