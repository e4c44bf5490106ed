using Supervision.Contracts.Courses;
using Supervision.Envelope.CoursePackages;
using Supervision.Envelope.Declarations;

namespace Supervision.Envelope;

/// <summary>1.13's and 1.14's course packages, read by their one declaration (<see cref="CoursePackageData"/>).</summary>
public static class CoursePackageParser
{
    /// <summary>Compiles the reader now, so that a wrong declaration stops the process at startup and the first page read compiles nothing.</summary>
    public static IReadOnlyList<DeclaredField> Prepare() => DeclaredReader<CoursePackageData>.Fields;

    public static CoursePackage Parse(EnvelopeData package) => DeclaredReader<CoursePackageData>.Read(package).Package(package);

    /// <summary>A 1.13 push or a 1.14 page: each package within its own bound, and all of them within the request's.</summary>
    public static IReadOnlyList<CoursePackage> ParseAll(IReadOnlyList<EnvelopeData> packages, string path, Func<EnvelopeData, CoursePackage>? parse = null)
    {
        var parsed = packages.Select(parse ?? Parse).ToList();
        return CourseTreeLimits.Within(parsed, parsed.Sum(CourseTreeLimits.Entries), CourseTreeLimits.MaxEntriesPerRequest, path);
    }
}
