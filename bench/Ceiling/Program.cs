using System.Text.Json;

// The machine's HTTP ceiling for the benchmark: parses the same envelope as the real front and answers a
// constant, with no grain and no database behind it.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var answer = """{"returnCode":"0","returnMsg":"success","returnData":{"credited":60}}"""u8.ToArray();

app.MapPost("/{**path}", async (HttpContext context) =>
{
    using var envelope = await JsonDocument.ParseAsync(context.Request.Body);
    var data = envelope.RootElement.GetProperty("data");
    _ = data.GetProperty("studentUserCode").GetString();
    context.Response.ContentType = "application/json";
    await context.Response.Body.WriteAsync(answer);
});

app.Run();
