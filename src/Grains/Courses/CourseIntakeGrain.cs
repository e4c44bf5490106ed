using Supervision.Contracts;
using Supervision.Contracts.Courses;
using Supervision.Contracts.Platforms;
using Supervision.Grains.Platforms;

namespace Supervision.Grains.Courses;

[StatelessWorker]
public sealed class CourseIntakeGrain(PlatformHoldings holdings) : Grain, ICourseIntakeGrain
{
    public async Task<Outcome> Push(IReadOnlyList<CoursePackage> packages, string learningPlatformCode)
    {
        var latest = LastOccurrence.ByCode(packages, p => p.CourseCode);

        // Check ownership of the whole push first, so a foreign course code changes nothing.
        foreach (var package in latest)
        {
            var existing = await GrainFactory.GetGrain<ICourseGrain>(package.CourseCode).Describe();
            if (existing is not null && existing.PlatformCode != learningPlatformCode)
            {
                return Outcome.Fail(ReturnCode.OwnedByAnotherPlatform, $"courseCode: {package.CourseCode} cannot be used by this platform; choose another code");
            }
        }

        if (await holdings.RefusalAsync(HoldingKind.Course, learningPlatformCode, latest.Select(p => p.CourseCode).ToList(), "courseCode") is { } beyond)
        {
            return beyond;
        }

        var outcomes = await Task.WhenAll(latest.Select(p => GrainFactory.GetGrain<ICourseGrain>(p.CourseCode).Apply(p, learningPlatformCode, null)));
        return outcomes.FirstOrDefault(o => !o.Succeeded) ?? Outcome.Ok;
    }

    public async Task<Outcome<CoursePackage>> SubmitCourseInfo(CourseInfoSubmission submission, string businessPlatformCode)
    {
        var platform = await GrainFactory.GetGrain<IPlatformDirectoryGrain>(0).FindLearningPlatformByApiUrl(submission.StudyPlatformApiUrl);
        if (platform is null)
        {
            return Outcome.Fail(ReturnCode.UnknownLearningPlatform, "studyPlatformApiUrl: no learning platform is registered at this address");
        }

        var package = CourseCodeDerivation.Derive(submission, ApiUrlKey.Of(submission.StudyPlatformApiUrl)!);
        if (await holdings.RefusalAsync(HoldingKind.Course, businessPlatformCode, [package.CourseCode], "courseName") is { } beyond)
        {
            return beyond;
        }

        var outcome = await GrainFactory.GetGrain<ICourseGrain>(package.CourseCode).Apply(package, platform, businessPlatformCode);
        return outcome.Succeeded ? Outcome<CoursePackage>.Ok(package) : outcome;
    }
}
