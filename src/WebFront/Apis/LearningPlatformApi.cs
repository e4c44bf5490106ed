using Supervision.Contracts;
using Supervision.Contracts.Courses;
using Supervision.WebFront.Envelope;
using Supervision.WebFront.Parsing;

namespace Supervision.WebFront.Apis;

/// <summary>Section 1: what learning platforms send.</summary>
public static class LearningPlatformApi
{
    public static void MapLearningPlatformApi(this IEndpointRouteBuilder routes)
    {
        routes.MapEnvelope(["/api/v1/thirdCoursePush"], Access.LearningPlatform, async call =>
        {
            var packages = call.DataArray(1_000).Select(package =>
            {
                if (package.OptionalText("studyPlatformCode", 64) is { } code && code != call.Caller.Code)
                {
                    throw new EnvelopeRejection(ReturnCode.ForeignPlatform, package.Invalid("studyPlatformCode", "is not the code of the platform this token belongs to").Message);
                }

                return CoursePackageParser.Parse(package);
            }).ToList();
            return EnvelopeAnswer.From(await call.Grains.GetGrain<ICourseIntakeGrain>(0).Push(packages, call.Caller.Code));
        });
    }
}
