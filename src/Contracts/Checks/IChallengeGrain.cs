namespace Supervision.Contracts.Checks;

/// <summary>One pending check, keyed by its bizCode: one-time, expiring, three attempts.</summary>
public interface IChallengeGrain : IGrainWithStringKey
{
    Task Open(ChallengeTicket ticket);

    /// <summary>1.8 carries only the bizCode: this grain knows the student-class it belongs to.</summary>
    Task<Outcome> SubmitCode(CodeSubmission submission);

    /// <summary>1.6: judges a photo for a face check; a pass clears the student-class's due checks, three failures spend the bizCode.</summary>
    [ResponseTimeout(PhotoFetchCallTimeout.Value)]
    Task<Outcome<FaceResult>> SubmitFace(FaceSubmission submission);

    /// <summary>The code to draw as a picture for players that show one; only while the check is pending and unexpired.</summary>
    Task<Outcome<string>> CodeToShow();
}
