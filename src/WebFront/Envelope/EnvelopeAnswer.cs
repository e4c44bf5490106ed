using System.Text.Json;
using Supervision.Contracts;

namespace Supervision.WebFront.Envelope;

/// <summary>Writes <c>{returnCode, returnMsg, returnData}</c>, plus any top-level extras an endpoint's contract adds.</summary>
public sealed class EnvelopeAnswer(string code, string message, object? data = null, int statusCode = StatusCodes.Status200OK) : IResult
{
    public string Code { get; } = code;

    public static EnvelopeAnswer Success(object? data = null) => new(ReturnCode.Success, "success", data);

    public static EnvelopeAnswer From(Outcome outcome) => new(outcome.Code, outcome.Message);

    public static EnvelopeAnswer From<T>(Outcome<T> outcome, Func<T, object?> project) =>
        outcome.Succeeded ? Success(project(outcome.Data!)) : new EnvelopeAnswer(outcome.Code, outcome.Message);

    public static EnvelopeAnswer Rejected(EnvelopeRejection rejection) => new(rejection.Code, rejection.Message);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter, new JsonWriterOptions { Encoder = EnvelopeJson.Options.Encoder });
        writer.WriteStartObject();
        writer.WriteString("returnCode", Code);
        writer.WriteString("returnMsg", message);
        if (data is not null)
        {
            writer.WritePropertyName("returnData");
            JsonSerializer.Serialize(writer, data, data.GetType(), EnvelopeJson.Options);
        }

        writer.WriteEndObject();
        await writer.FlushAsync();
    }
}
