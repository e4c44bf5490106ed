using System.Globalization;
using CsvHelper;
using Supervision.Contracts.Classes;

namespace Supervision.WebFront.Apis;

/// <summary>
/// A class's study records as a CSV file for an auditor: the rows of 2.5 (credited seconds per student per
/// video, from committed state: no learner is woken) with the student's name from the roster. UTF-8 with a
/// byte-order mark, so spreadsheet programs read the Chinese names.
/// </summary>
public static class StudyRecordsCsv
{
    private static readonly CsvWriterOptions Format = new()
    {
        // A name such as "=HYPERLINK(…)" must reach the auditor as text, not run as a formula.
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
    };

    public static IResult File(string classCode, IReadOnlyList<RosterEntry> roster, IReadOnlyList<StudyRecord> records)
    {
        var names = roster.GroupBy(s => s.StudentUserCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().StudentName, StringComparer.Ordinal);
        var bytes = new MemoryStream();
        using (var csv = CsvWriter.Create(bytes, Format, leaveOpen: true))
        {
            csv.WriteHeader(["classCode", "studentUserCode", "studentName", "courseCode", "sectionCode", "resCode", "playTimeSeconds"]);
            foreach (var record in records)
            {
                csv.WriteRecord([classCode, record.UserCode, names.GetValueOrDefault(record.UserCode, ""), record.CourseCode, record.SectionCode,
                    record.ResCode, record.PlayTimeSeconds.ToString(CultureInfo.InvariantCulture)]);
            }
        }

        return Results.File(bytes.ToArray(), "text/csv; charset=utf-8", $"{classCode}-study-records.csv");
    }
}
