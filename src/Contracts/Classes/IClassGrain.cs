namespace Supervision.Contracts.Classes;

/// <summary>One class, keyed by classCode: policy, roster, course tree, owning platforms, approval.</summary>
public interface IClassGrain : IGrainWithStringKey
{
    /// <summary>2.4: creates or updates the class for the business platform that sent it.</summary>
    Task<Outcome> Receive(ClassRegistration registration, string businessPlatformCode);

    Task<Outcome> SetPolicy(ClassPolicy policy);

    Task<Outcome> Approve();

    /// <summary>2.5 for the business platform that owns the class.</summary>
    Task<Outcome<IReadOnlyList<StudyRecord>>> StudyRecords(string businessPlatformCode);

    Task<ClassView?> Describe();
}
