using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Delivery;

/// <summary>
/// A learning platform on loopback (real Kestrel) that the silos call: answers 1.12 with an account per
/// student and 1.14 from <see cref="Catalogue"/>, or misbehaves as <see cref="Behaviour"/> says.
/// </summary>
public sealed class FakeLearningPlatform : IAsyncDisposable
{
    public enum Mode
    {
        Healthy,
        Http500,
        Hang,
        Garbage,
        ReturnCode1,
        MalformedAccounts,
    }

    private readonly WebApplication app;
    private int failuresLeft;

    private FakeLearningPlatform(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";

    public volatile Mode Behaviour = Mode.Healthy;

    /// <summary>Every request body received, answered or not.</summary>
    public ConcurrentQueue<(string Path, JsonObject Body)> Received { get; } = new();

    /// <summary>The 1.12 requests this platform accepted with returnCode "0".</summary>
    public ConcurrentQueue<JsonObject> AcceptedPushes { get; } = new();

    /// <summary>Pages of course packages served by 1.14, page 1 first.</summary>
    public List<JsonArray> Catalogue { get; set; } = [];

    /// <summary>The next <paramref name="count"/> calls answer HTTP 500, whatever <see cref="Behaviour"/> says.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref failuresLeft, count);

    public static async Task<FakeLearningPlatform> StartAsync()
    {
        var builder = LoopbackServer.CreateBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var platform = new FakeLearningPlatform(app);

        // A path of its own: a port a finished test freed may come back, and platform addresses must be unique.
        var root = "/lp-" + Guid.NewGuid().ToString("N");
        app.UsePathBase(root);
        app.UseRouting();
        app.MapPost("/api/v1/pushClassInfo", (Delegate)platform.PushAsync);
        app.MapPost("/api/v1/thirdCoursePull", (Delegate)platform.PullAsync);
        await app.StartAsync();
        platform.BaseUrl = app.Address() + root;
        return platform;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task<IResult> PushAsync(HttpContext context)
    {
        var body = await ReceiveAsync(context);
        if (await MisbehaveAsync(context) is { } failure)
        {
            return failure;
        }

        var students = body["data"]!["thirdClassStudentInfoVoList"]!.AsArray();
        var accounts = new JsonArray(students.Select(s => (JsonNode)new JsonObject
        {
            ["cardNo"] = (string?)s!["cardNo"],
            ["studentUserAccount"] = Behaviour == Mode.MalformedAccounts ? null : "acct-" + (string?)s["studentUserCode"],
        }).ToArray());
        if (Behaviour != Mode.MalformedAccounts)
        {
            AcceptedPushes.Enqueue(body);
        }

        return Results.Json(new JsonObject { ["returnCode"] = "0", ["returnMsg"] = "success", ["passwordRules"] = "身份证后六位", ["returnData"] = accounts });
    }

    private async Task<IResult> PullAsync(HttpContext context)
    {
        var body = await ReceiveAsync(context);
        if (await MisbehaveAsync(context) is { } failure)
        {
            return failure;
        }

        var pageNo = (int)body["data"]!["pageNo"]!;
        var page = Catalogue.Count >= pageNo ? Catalogue[pageNo - 1].DeepClone() : new JsonArray();
        return Results.Json(new JsonObject
        {
            ["returnCode"] = "0",
            ["returnMsg"] = "success",
            ["pageNo"] = pageNo,
            ["pageSize"] = (int)body["data"]!["pageSize"]!,
            ["totalPage"] = Catalogue.Count,
            ["data"] = page,
        });
    }

    private async Task<JsonObject> ReceiveAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        Received.Enqueue((context.Request.Path, body));
        return body;
    }

    private async Task<IResult?> MisbehaveAsync(HttpContext context)
    {
        if (Interlocked.Decrement(ref failuresLeft) >= 0)
        {
            return Results.StatusCode(500);
        }

        switch (Behaviour)
        {
            case Mode.Http500:
                return Results.StatusCode(500);
            case Mode.Hang:
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.StatusCode(500);
            case Mode.Garbage:
                return Results.Text("<html>502 Bad Gateway</html>", "application/json");
            case Mode.ReturnCode1:
                return Results.Json(new { returnCode = "1", returnMsg = "班级编码重复" });
            default:
                return null;
        }
    }
}
