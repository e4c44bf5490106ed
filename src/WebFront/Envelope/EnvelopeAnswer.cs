using System.Buffers;
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

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        // Every answer is written on its thread into the response's pipe, which Kestrel flushes as the request ends: one
        // writer per thread, reset onto each response, so an answer costs no writer and no state machine (issue 24).
        var writer = Writer(httpContext.Response.BodyWriter);
        try
        {
            writer.WriteStartObject();
            writer.WriteString("returnCode", Code);
            writer.WriteString("returnMsg", message);
            if (data is not null)
            {
                writer.WritePropertyName("returnData");
                JsonSerializer.Serialize(writer, data, data.GetType(), EnvelopeJson.Options);
            }

            writer.WriteEndObject();
            writer.Flush();
        }
        finally
        {
            // Let go of the response's pipe: the writer outlives the request.
            writer.Reset(Released);
        }

        return Task.CompletedTask;
    }

    [ThreadStatic]
    private static Utf8JsonWriter? threadWriter;

    /// <summary>What a thread's writer points at between answers; nothing is ever written to it.</summary>
    private static readonly ArrayBufferWriter<byte> Released = new(1);

    private static Utf8JsonWriter Writer(IBufferWriter<byte> output)
    {
        if (threadWriter is null)
        {
            return threadWriter = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = EnvelopeJson.Options.Encoder });
        }

        threadWriter.Reset(output);
        return threadWriter;
    }
}
