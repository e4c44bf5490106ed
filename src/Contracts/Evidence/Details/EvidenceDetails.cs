using System.Text.Json.Serialization;

namespace Supervision.Contracts.Evidence.Details;

/// <summary>
/// The details of an evidence row, one record per kind (<see cref="StoredAsAttribute"/> names it). Written as the
/// record's own JSON with no discriminator, whether as this base or as the record: the row's kind is a column of its
/// own, and it picks the type when a row is read (<see cref="DetailsJson"/>). Kinds with no details (session_resume,
/// real_name, report_device) have no record.
/// </summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(CataloguePullEvidence))]
[JsonDerivedType(typeof(CheckAttemptEvidence))]
[JsonDerivedType(typeof(CheckIssuedEvidence))]
[JsonDerivedType(typeof(CheckPassedEvidence))]
[JsonDerivedType(typeof(ClassApprovalEvidence))]
[JsonDerivedType(typeof(ClassPolicyEvidence))]
[JsonDerivedType(typeof(CreditVoidedEvidence))]
[JsonDerivedType(typeof(DeliveryRetryEvidence))]
[JsonDerivedType(typeof(FaceReviewEvidence))]
[JsonDerivedType(typeof(FlagDecisionEvidence))]
[JsonDerivedType(typeof(IdentityChangeEvidence))]
[JsonDerivedType(typeof(OperatorAccountEvidence))]
[JsonDerivedType(typeof(PhotoChangeEvidence))]
[JsonDerivedType(typeof(PlatformRegistrationEvidence))]
[JsonDerivedType(typeof(RecordingEvidence))]
[JsonDerivedType(typeof(ReportEvidence))]
[JsonDerivedType(typeof(RosterIdentityChangeEvidence))]
[JsonDerivedType(typeof(SessionEndEvidence))]
[JsonDerivedType(typeof(SessionPauseEvidence))]
[JsonDerivedType(typeof(SessionStartEvidence))]
public abstract record EvidenceDetails;
