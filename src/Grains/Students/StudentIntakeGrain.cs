using Supervision.Contracts;
using Supervision.Contracts.Platforms;
using Supervision.Contracts.Students;
using Supervision.Grains.Platforms;

namespace Supervision.Grains.Students;

[StatelessWorker]
public sealed class StudentIntakeGrain(PersonKeys personKeys, PlatformHoldings holdings) : Grain, IStudentIntakeGrain
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

        var people = LastOccurrence.ByCode(resolved, s => s.CardNo).Select(s => (Key: personKeys.Of(s.CardNo), Registration: s)).ToList();
        if (await holdings.RefusalAsync(HoldingKind.Person, businessPlatformCode, people.ConvertAll(p => p.Key), "data") is { } beyond)
        {
            return beyond;
        }

        await Task.WhenAll(people.Select(p => GrainFactory.GetGrain<IStudentGrain>(p.Key).Register(p.Registration, businessPlatformCode)));
        return Outcome.Ok;
    }
}
