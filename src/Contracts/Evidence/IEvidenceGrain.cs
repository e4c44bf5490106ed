using Supervision.Contracts.Operators;

namespace Supervision.Contracts.Evidence;

/// <summary>Reads the evidence ledger for the operator.</summary>
public interface IEvidenceGrain : IGrainWithIntegerKey
{
    /// <summary>Anomalies matching <paramref name="query"/>, newest first.</summary>
    Task<IReadOnlyList<AnomalyView>> Anomalies(AnomalyQuery query);

    /// <summary>
    /// The anomalies of the person on a class's roster under a student code that belong to the person, in no class (a
    /// registered photo swapped after study began), newest first: they count for every class the person is on.
    /// </summary>
    Task<IReadOnlyList<AnomalyView>> PersonAnomalies(string classCode, string studentUserCode, int limit);

    /// <summary>One anomaly by its id, or null.</summary>
    Task<AnomalyView?> Anomaly(long id);

    /// <summary>One student's evidence in one class, newest first, of the given kinds (all kinds when empty).</summary>
    Task<IReadOnlyList<EvidenceView>> Events(string classCode, string studentUserCode, IReadOnlyList<string> kinds, int limit);

    /// <summary>A class's own evidence (operators' approvals, delivery retries), newest first.</summary>
    Task<IReadOnlyList<EvidenceView>> ClassEvents(string classCode, int limit);

    /// <summary>Every operator's actions (evidence rows whose details name an operator), newest first, a page at a time.</summary>
    Task<OperatorActionPage> OperatorActions(OperatorActionQuery query);

    /// <summary>A face-check photo by the id its check_attempt evidence names; refused when its bytes are not a JPEG or PNG.</summary>
    Task<Outcome<CheckPhotoView>> CheckPhoto(long id);

    Task<LiveActivity> Activity();
}
