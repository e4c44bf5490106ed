namespace Supervision.WebFront.OpenApi;

/// <summary>One documented answer of an endpoint: HTTP status, body shape (null for none) and content type.</summary>
public sealed record ApiResponse(int Status, Type? Body, string ContentType = "application/json");
