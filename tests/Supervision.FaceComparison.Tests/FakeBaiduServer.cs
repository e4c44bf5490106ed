using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Supervision.FaceComparison.Tests;

/// <summary>A real Kestrel server on 127.0.0.1 that plays Baidu's token and match endpoints from a script of answers.</summary>
internal sealed class FakeBaiduServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _matchAnswers = new();
    private int _tokensIssued;

    private FakeBaiduServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public int TokensIssued => _tokensIssued;

    public int MatchCalls { get; private set; }

    public List<string> TokensSeenByMatch { get; } = [];

    public JsonArray? LastMatchBody { get; private set; }

    public static async Task<FakeBaiduServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeBaiduServer(app);
        app.MapPost("/oauth/2.0/token", (HttpContext context) =>
        {
            var n = Interlocked.Increment(ref server._tokensIssued);
            return Results.Json(new { access_token = $"token-{n}", expires_in = 2592000 });
        });
        app.MapPost("/rest/2.0/face/v3/match", async (HttpContext context) =>
        {
            server.MatchCalls++;
            server.TokensSeenByMatch.Add(context.Request.Query["access_token"].ToString());
            server.LastMatchBody = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync()) as JsonArray;
            var answer = server._matchAnswers.TryDequeue(out var next) ? next : """{"error_code":0,"error_msg":"SUCCESS","result":{"score":95.5}}""";
            return Results.Text(answer, "application/json");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address + "/");
        return server;
    }

    public void AnswerMatchWith(params string[] answers)
    {
        foreach (var answer in answers)
            _matchAnswers.Enqueue(answer);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
