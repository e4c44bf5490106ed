using System.Text;
using System.Text.Json.Nodes;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Front;

/// <summary>The operator API's reads behind the console, over HTTP: what each answers and what it refuses.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SupervisorApiTests(SupervisionCluster system)
{
    [Fact]
    public async Task The_class_list_finds_a_class_by_part_of_its_name_or_code_and_pages_newest_first()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var marker = TestIds.Code("n")[..12];
        var codes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var code = TestIds.Code();
            codes.Add(code);
            var body = JsonSerializerNode(platforms.ClassBody(code, (TestIds.IdNumber(), TestIds.Code("s"), "张丽")));
            body["trainClassName"] = $"{marker} 班 {i}";
            EnvelopeAssert.Code("0", await system.PostEnvelopeAsync("/api/class/v1/pushClassInfo", body, platforms.BusinessToken));
            system.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var firstPage = await system.AdminAsync(HttpMethod.Get, $"/admin/classes?search={marker}&limit=2");
        var secondPage = await system.AdminAsync(HttpMethod.Get, $"/admin/classes?search={marker}&limit=2&offset=2");
        var byCode = await system.AdminAsync(HttpMethod.Get, $"/admin/classes?search={codes[1][4..20].ToUpperInvariant()}");

        Assert.Equal(3, (int)firstPage["returnData"]!["total"]!);
        Assert.Equal([codes[2], codes[1]], ClassCodes(firstPage));
        Assert.Equal([codes[0]], ClassCodes(secondPage));
        Assert.Equal([codes[1]], ClassCodes(byCode));
        var summary = firstPage["returnData"]!["classes"]![0]!;
        Assert.Equal(platforms.LearningCode, (string?)summary["learningPlatformCode"]);
        Assert.Equal(1, (int)summary["studentCount"]!);
        Assert.Equal("approved", (string?)summary["approval"]);
    }

    [Fact]
    public async Task A_search_is_text_not_a_pattern()
    {
        var answer = await system.AdminAsync(HttpMethod.Get, "/admin/classes?search=%25");
        Assert.Equal(0, (int)answer["returnData"]!["total"]!);
    }

    [Theory]
    [InlineData("/admin/classes?limit=many", "limit")]
    [InlineData("/admin/anomalies?since=yesterday", "since")]
    [InlineData("/admin/anomalies?kind=napping", "kind")]
    public async Task A_query_value_of_the_wrong_form_is_refused_naming_it(string path, string field)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        await system.AuthorizeAsync(request);
        using var response = await system.Http.SendAsync(request);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.True((int)response.StatusCode is 200 or 400, $"HTTP {(int)response.StatusCode}");
        EnvelopeAssert.Code("1003", answer);
        Assert.Contains(field, (string?)answer["returnMsg"]);
    }

    [Fact]
    public async Task A_class_page_lists_each_student_with_masked_id_and_the_credit_2_5_reports()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        await learner.StartAsync();
        await learner.PlayMinutesAsync(2);

        var answer = await system.AdminAsync(HttpMethod.Get, $"/admin/classes/{learner.ClassCode}/students");
        var missing = await system.AdminAsync(HttpMethod.Get, $"/admin/classes/{TestIds.Code()}/students");

        var student = answer["returnData"]!.AsArray().Single()!;
        Assert.Equal(learner.StudentUserCode, (string?)student["studentUserCode"]);
        Assert.Equal(120, (int)student["totalCredited"]!);
        Assert.Equal(120, (int)student["todayCredited"]!);
        Assert.True((bool)student["studying"]!);
        Assert.DoesNotContain(learner.CardNo[3..^1], (string)student["cardNo"]!);
        Assert.Equal(120, (int)student["credit"]![0]!["seconds"]!);
        EnvelopeAssert.Code("1201", missing);
    }

    [Fact]
    public async Task The_csv_escapes_a_name_a_spreadsheet_would_run_as_a_formula()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var classCode = TestIds.Code();
        var student = TestIds.Code("s");
        var cardNo = TestIds.IdNumber();
        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync("/api/class/v1/pushClassInfo",
            platforms.ClassBody(classCode, 3600, (cardNo, student, "=HYPERLINK(\"http://x.example.test\",\"张\")")), platforms.BusinessToken));
        var learner = new Learner(system, platforms, classCode, student, cardNo);
        await learner.StartAsync();
        await learner.PlayMinutesAsync(1);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/admin/classes/{classCode}/records.csv");
        await system.AuthorizeAsync(request);
        using var response = await system.Http.SendAsync(request);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"{classCode},{student},\"'=HYPERLINK(\"\"http://x.example.test\"\",\"\"张\"\")\",", text);
        Assert.EndsWith(",60\r\n", text);
    }

    [Fact]
    public async Task Anomalies_filter_by_kind_and_a_half_open_time_range()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        await learner.StartAsync();
        system.Clock.Advance(TimeSpan.FromSeconds(10));
        var cheatedAt = system.Clock.GetUtcNow();
        await learner.ReportAsync(600, 600);

        async Task<int> CountAsync(string query) =>
            (await system.AdminAsync(HttpMethod.Get, $"/admin/anomalies?classCode={learner.ClassCode}&{query}"))["returnData"]!.AsArray().Count;

        Assert.Equal(1, await CountAsync("kind=progress_ahead_of_clock"));
        Assert.Equal(0, await CountAsync("kind=position_jump"));
        Assert.Equal(1, await CountAsync($"since={Uri.EscapeDataString(cheatedAt.ToString("O"))}&until={Uri.EscapeDataString(cheatedAt.AddSeconds(1).ToString("O"))}"));
        Assert.Equal(0, await CountAsync($"until={Uri.EscapeDataString(cheatedAt.ToString("O"))}"));
    }

    [Fact]
    public async Task The_timeline_holds_every_kind_of_evidence_newest_first()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        await learner.StartAsync();
        await learner.PlayMinutesAsync(1);
        await learner.EndAsync();

        var answer = await system.AdminAsync(HttpMethod.Get, $"/admin/classes/{learner.ClassCode}/students/{learner.StudentUserCode}/timeline");

        Assert.Equal(["session_pause", "report", "session_start"], answer["returnData"]!.AsArray().Select(e => (string)e!["kind"]!));
    }

    private static JsonObject JsonSerializerNode(object body) => System.Text.Json.JsonSerializer.SerializeToNode(body)!.AsObject();

    private static List<string> ClassCodes(JsonObject answer) =>
        answer["returnData"]!["classes"]!.AsArray().Select(c => (string)c!["classCode"]!).ToList();
}
