using Supervision.Contracts;
using Supervision.Contracts.Platforms;
using Supervision.Contracts.Students;

namespace Supervision.Grains.Students;

[StatelessWorker]
public sealed class StudentIntakeGrain(PersonKeys personKeys) : Grain, IStudentIntakeGrain
{
    public async Task<Outcome> Register(IReadOnlyList<StudentRegistration> students, string businessPlatformCode)
    {
        var directory = GrainFactory.GetGrain<IPlatformDirectoryGrain>(0);
        var resolved = new List<StudentRegistration>(students.Count);
        for (var i = 0; i < students.Count; i++)
        {
            var platform = students[i].StudyPlatformApiUrl is { } url ? await directory.FindLearningPlatformByApiUrl(url) : null;
            if (platform is null)
            {
                return Outcome.Fail(ReturnCode.UnknownLearningPlatform, $"data[{i}].studyPlatformApiUrl: no learning platform is registered at this address");
            }

            resolved.Add(students[i] with { LearningPlatformCode = platform });
        }

        await Task.WhenAll(LastOccurrence.ByCode(resolved, s => s.CardNo)
            .Select(s => GrainFactory.GetGrain<IStudentGrain>(personKeys.Of(s.CardNo)).Register(s, businessPlatformCode)));
        return Outcome.Ok;
    }
}
