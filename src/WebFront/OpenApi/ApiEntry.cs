namespace Supervision.WebFront.OpenApi;

/// <summary>
/// What the OpenAPI document says about one endpoint: its tag, summary and description, the shape of its
/// request body (null when it takes none), its answers by HTTP status, and the failure codes it may answer.
/// </summary>
public sealed record ApiEntry(
    string Tag,
    string Summary,
    string Description,
    Type? Request,
    IReadOnlyList<ApiResponse> Responses,
    IReadOnlyList<string> Codes);
