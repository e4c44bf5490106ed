using Supervision.Contracts.Students;
using Supervision.Contracts.Study;

namespace Supervision.Grains.Study;

/// <summary>
/// The person-wide side of one student-class's study (SPEC rule 13): one live study per person, by ID number,
/// across classes and learning platforms. It asks the person and the holder's student-class; neither calls back
/// while it waits (the holder's LivePlatform interleaves, and YieldTo is one-way).
/// </summary>
public sealed class PersonStudy(IGrainFactory grains, PersonKeys personKeys)
{
    public IStudentGrain Person(string cardNo) => grains.GetGrain<IStudentGrain>(personKeys.Of(cardNo));

    /// <summary>The person's study that is live on another learning platform, which a start in <paramref name="classCode"/> must leave alone.</summary>
    public async Task<(LiveSession Session, string PlatformCode)?> LiveOnAnotherPlatformAsync(string cardNo, string classCode, string platformCode, DateTimeOffset now)
    {
        if (await Person(cardNo).CurrentLiveSession() is not { } held || held.ClassCode == classCode)
        {
            return null;
        }

        var live = await grains.GetGrain<IStudentClassGrain>(StudentClassKey.Of(held.ClassCode, held.StudentUserCode)).LivePlatform(now);
        return live is not null && live != platformCode ? (held, live) : null;
    }

    /// <summary>Records the new live study on the person; the person's study in another class, if any, yields to it.</summary>
    public async Task BeginAsync(string cardNo, LiveSession session, string platformCode)
    {
        if (await Person(cardNo).BeginLiveSession(session) is { } other)
        {
            grains.GetGrain<IStudentClassGrain>(StudentClassKey.Of(other.ClassCode, other.StudentUserCode)).YieldTo(session.ClassCode, platformCode, session.StartedAt).Ignore();
        }
    }
}
