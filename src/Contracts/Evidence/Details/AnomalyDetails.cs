using System.Text.Json.Serialization;

namespace Supervision.Contracts.Evidence.Details;

/// <summary>
/// The details of an anomaly, one record per kind (<see cref="StoredAsAttribute"/> names it), the numbers its
/// sentence (zh, en) is made of. Written as the record's own JSON with no discriminator; the row's kind picks the
/// type when a row is read (<see cref="DetailsJson"/>).
/// </summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(AfterDailyLimit))]
[JsonDerivedType(typeof(BizCodeExpired))]
[JsonDerivedType(typeof(BizCodeForeign))]
[JsonDerivedType(typeof(BizCodeReplayed))]
[JsonDerivedType(typeof(CheckAnswerBot))]
[JsonDerivedType(typeof(CheckOverdue))]
[JsonDerivedType(typeof(ClaimPastDueCheck))]
[JsonDerivedType(typeof(ClosedSessionReport))]
[JsonDerivedType(typeof(ConcurrentSession))]
[JsonDerivedType(typeof(CrowdLockstep))]
[JsonDerivedType(typeof(EndAfterJump))]
[JsonDerivedType(typeof(FaceMismatch))]
[JsonDerivedType(typeof(FacePhotoReplayed))]
[JsonDerivedType(typeof(FaceReviewRejected))]
[JsonDerivedType(typeof(LiveOnAnotherPlatform))]
[JsonDerivedType(typeof(MissingRecording))]
[JsonDerivedType(typeof(PhotoChangedAfterStudy))]
[JsonDerivedType(typeof(PolicyWeakeningProposed))]
[JsonDerivedType(typeof(PositionJump))]
[JsonDerivedType(typeof(ProgressAheadOfClock))]
[JsonDerivedType(typeof(RapidRestarts))]
[JsonDerivedType(typeof(RosterIdentityChanged))]
public abstract record AnomalyDetails;
