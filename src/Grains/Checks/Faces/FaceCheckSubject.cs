namespace Supervision.Grains.Checks.Faces;

/// <summary>Whose check a photo answers: the person (by ID-number digest), where, under which bizCode, when, and sent by which learning platform.</summary>
public sealed record FaceCheckSubject(DateTimeOffset At, string StudentKey, string ClassCode, string StudentUserCode, string BizCode, string PlatformCode);
