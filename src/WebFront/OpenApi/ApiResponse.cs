namespace Supervision.WebFront.OpenApi;

/// <summary>One documented answer of an endpoint: HTTP status, body shape (null for none) and its content types, JSON unless named.</summary>
public sealed record ApiResponse(int Status, Type? Body, params string[] ContentTypes)
{
    public string[] ContentTypesOrJson => ContentTypes.Length == 0 ? ["application/json"] : ContentTypes;
}
