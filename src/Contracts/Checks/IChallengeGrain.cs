namespace Supervision.Contracts.Checks;

/// <summary>One pending check, keyed by its bizCode: one-time, expiring, three attempts.</summary>
public interface IChallengeGrain : IGrainWithStringKey
{
    Task Open(ChallengeTicket ticket);

    /// <summary>1.8 carries only the bizCode: this grain knows the student-class it belongs to.</summary>
    Task<Outcome> SubmitCode(CodeSubmission submission);
}
