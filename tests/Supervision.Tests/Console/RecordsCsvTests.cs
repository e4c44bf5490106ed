using System.Text;
using Orleans.Runtime;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Console;

/// <summary>
/// The console's records.csv is answered from what the learners committed, as 2.5 is: the rows it wrote when it asked
/// every learner's grain (the credit per video the class page reads from them), 2.5's rows with the names, and, for a
/// class whose learners have left memory, not one learner woken to answer it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RecordsCsvTests(SupervisionCluster system)
{
    [Fact]
    public async Task The_csv_is_what_the_learners_grains_hold_and_2_5_answers_and_wakes_none_of_them()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var classCode = TestIds.Code();
        string[] names = ["张丽", "王芳", "李强", "赵敏", "=HYPERLINK(\"x\")"];
        var roster = names.Select(name => (CardNo: TestIds.IdNumber(), Code: TestIds.Code("s"), Name: name)).ToList();
        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync("/api/class/v1/pushClassInfo",
            platforms.ClassBody(classCode, 3600, roster.Select(s => (s.CardNo, s.Code, s.Name)).ToArray()), platforms.BusinessToken));
        var learners = roster.Select(s => new Learner(system, platforms, classCode, s.Code, s.CardNo)).ToList();
        var (honest, cheat, twoVideos, paused) = (learners[0], learners[1], learners[2], learners[4]);

        EnvelopeAssert.Code("0", await honest.StartAsync());
        await honest.PlayMinutesAsync(3);
        EnvelopeAssert.Code("0", await cheat.StartAsync());
        system.Clock.Advance(TimeSpan.FromSeconds(60));
        await cheat.ReportAsync(600, 600);
        EnvelopeAssert.Code("0", await twoVideos.StartAsync());
        await twoVideos.PlayMinutesAsync(2);
        EnvelopeAssert.Code("0", await twoVideos.StartAsync(twoVideos.SecondVideo));
        await twoVideos.PlayMinutesAsync(1, resCode: twoVideos.SecondVideo);
        EnvelopeAssert.Code("0", await paused.StartAsync());
        await paused.PlayMinutesAsync(2);
        EnvelopeAssert.Code("0", await paused.PauseAsync());
        // learners[3] never studied: no row.

        var fromGrains = await GrainRowsAsync(classCode);
        var live = await CsvRowsAsync(classCode);
        var management = system.Grains.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        var before = await StudentClassActivationsAsync(management);
        var cold = await CsvRowsAsync(classCode);
        var after = await StudentClassActivationsAsync(management);

        Assert.Equal(fromGrains, live);
        Assert.Equal(live, cold);
        Assert.Equal(0, before);
        Assert.Equal(0, after);
        Assert.Equal(5, cold.Count);
        Assert.DoesNotContain(cold, r => r[1] == learners[3].StudentUserCode);
        Assert.Contains(cold, r => r[1] == honest.StudentUserCode && r[2] == "张丽" && r[6] == "180");
        // A name a spreadsheet would run as a formula is written as text.
        Assert.Contains(cold, r => r[1] == paused.StudentUserCode && r[2] == "'=HYPERLINK(\"x\")");

        var studyRecords = await system.PostEnvelopeAsync("/api/class/v1/classStudentStudy", new { classCode }, platforms.BusinessToken);
        Assert.Equal(studyRecords["returnData"]!.AsArray().Select(r => $"{(string)r!["userCode"]!} {(string)r["resCode"]!} {(string)r["playTime"]!}"),
            cold.Select(r => $"{r[1]} {r[5]} {r[6]}"));
    }

    /// <summary>The rows records.csv wrote when it read every learner's grain: the class page's credit per video, in roster order.</summary>
    private async Task<List<string[]>> GrainRowsAsync(string classCode)
    {
        var students = (await system.AdminAsync(HttpMethod.Get, $"/admin/classes/{classCode}/students"))["returnData"]!.AsArray();
        return students.SelectMany(s => s!["credit"]!.AsArray().Select(c => new[]
        {
            classCode, (string)s["studentUserCode"]!, Escaped((string)s["studentName"]!), (string)c!["courseCode"]!, (string)c["sectionCode"]!,
            (string)c["resCode"]!, ((int)c["seconds"]!).ToString(),
        })).ToList();
    }

    private async Task<List<string[]>> CsvRowsAsync(string classCode)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/admin/classes/{classCode}/records.csv");
        await system.AuthorizeAsync(request);
        using var response = await system.Http.SendAsync(request);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("classCode,studentUserCode,studentName,courseCode,sectionCode,resCode,playTimeSeconds", lines[0]);
        return lines.Skip(1).Select(Fields).ToList();
    }

    /// <summary>A line's fields; a quoted one (the formula-like name) unquoted.</summary>
    private static string[] Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }

    private static string Escaped(string name) => name.StartsWith('=') ? "'" + name : name;

    private static async Task<int> StudentClassActivationsAsync(IManagementGrain management) =>
        (await management.GetSimpleGrainStatistics()).Where(s => s.GrainType.Contains(nameof(Supervision.Grains.Study.StudentClassGrain))).Sum(s => s.ActivationCount);
}
