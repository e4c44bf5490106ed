using System.Text.Json;
using Supervision.Contracts.Study;
using Supervision.Envelope;
using Supervision.Envelope.Declarations;
using Supervision.WebFront.Requests;
using Xunit.Abstractions;

namespace Supervision.Tests.Front;

/// <summary>
/// 1.10 studyHour is the hot path: the reader compiled from its declaration must cost no more heap than the hand-written
/// parser it replaced (the same EnvelopeData calls, written out). Counted in bytes, not timed.
/// </summary>
public sealed class DeclaredReaderAllocationTests(ITestOutputHelper output)
{
    private const int Parses = 10_000;

    private static readonly DeviceInfo Device = new("TYPE_PC", "5b1f4c2e-0c1a-4e52-9f59-0e3d7f1b6a10", "1767225600");

    [Fact]
    public void Reading_a_studyHour_through_its_declaration_allocates_no_more_than_the_hand_written_parser()
    {
        using var json = JsonDocument.Parse("""
            {"studyPlatformCode":"lp-1","courseCode":"course-1","sectionCode":"sec-1","resCode":"res-1","playTime":"610",
             "progressTime":60,"classCode":"class-1","studentUserCode":"stu-1"}
            """);
        var data = new EnvelopeData(json.RootElement, "data");

        var handWritten = BytesPerParse(() => HandWritten(data));
        var declared = BytesPerParse(() => Declared(data));
        output.WriteLine($"studyHour data → StudyReport: hand-written {handWritten} B, declared {declared} B a parse");

        Assert.Equal(HandWritten(data), Declared(data));
        Assert.True(declared <= handWritten, $"the declared reader allocates {declared} B a parse, the hand-written parser {handWritten} B");
    }

    /// <summary>What StudyRequestParser.Report and StudyRequestParser.Codes read before the declaration replaced them.</summary>
    private static (StudyReport Report, string ClassCode, string StudentUserCode) HandWritten(EnvelopeData data) => (
        new StudyReport(
            data.Code("studyPlatformCode"),
            data.Code("courseCode"),
            data.OptionalCode("sectionCode"),
            data.Code("resCode"),
            (int)data.Integer("playTime", 0, FieldWords.MaxVideoSeconds),
            (int)data.Integer("progressTime", 0, 24 * 3600),
            Device),
        data.Code("classCode"),
        data.Code("studentUserCode", "student UserCode"));

    private static (StudyReport Report, string ClassCode, string StudentUserCode) Declared(EnvelopeData data)
    {
        var request = DeclaredReader<StudyHourData>.Read(data);
        return (request.Report(Device), request.ClassCode, request.StudentUserCode);
    }

    private static long BytesPerParse(Func<(StudyReport, string, string)> parse)
    {
        for (var i = 0; i < 1_000; i++)
        {
            parse();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Parses; i++)
        {
            parse();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Parses;
    }
}
