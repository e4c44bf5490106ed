using Supervision.Contracts;
using Supervision.Contracts.Classes;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Evidence.Details;
using Supervision.Contracts.Study;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Classes;

/// <summary>
/// A class's policy changed by the operator or proposed by its business platform, drafted with its evidence
/// (SPEC rule 13: approval fixes the policy). Until the operator has approved the class or set its policy, the
/// latest push is the class's policy; after that a re-push applies only if it is at least as strong in every
/// field, and a weaker one waits for the operator, is recorded, and is not pushed on.
/// </summary>
public static class ClassPolicyChange
{
    public static void Propose(StateChange<ClassState> change, string classCode, ClassPolicy proposed, string businessPlatformCode)
    {
        var draft = change.Draft;
        if (proposed == draft.Policy)
        {
            // The platform sends the policy in force again: whatever it proposed before is no longer its proposal.
            draft.ProposedPolicy = null;
            return;
        }

        var weaker = draft.PolicyFixed ? PolicyStrength.Weakenings(proposed, draft.Policy) : [];
        if (weaker.Count == 0)
        {
            Record(change, classCode, businessPlatformCode, ClassPolicyEvidence.Applied(businessPlatformCode, draft.Policy, proposed));
            draft.Policy = proposed;
            draft.ProposedPolicy = null;
            return;
        }

        if (proposed == draft.ProposedPolicy)
        {
            return;
        }

        var proposal = PolicyWeakeningProposed.Of(businessPlatformCode, weaker, draft.Policy, proposed);
        Record(change, classCode, businessPlatformCode, ClassPolicyEvidence.Held(proposal));
        change.Anomalies.Add(AnomalyRecord.Of(change.Now, proposal) with { ClassCode = classCode });
        draft.ProposedPolicy = proposed;
    }

    public static void Set(StateChange<ClassState> change, string classCode, ClassPolicy policy, OperatorAction by)
    {
        var draft = change.Draft;
        Record(change, classCode, draft.BusinessPlatformCode, ClassPolicyEvidence.Set(by, draft.Policy, policy, policy == draft.ProposedPolicy ? null : draft.ProposedPolicy));
        draft.Policy = policy;
        draft.PolicyByOperator = true;
        draft.ProposedPolicy = null;
    }

    private static void Record(StateChange<ClassState> change, string classCode, string businessPlatformCode, ClassPolicyEvidence details) =>
        change.Events.Add(EvidenceEvent.Of(change.Now, details) with { ClassCode = classCode, PlatformCode = businessPlatformCode });
}
