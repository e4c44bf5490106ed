namespace Supervision.Grains.Checks.Faces;

/// <summary>Whose check a photo answers: the person (by ID-number digest), where, under which bizCode, and when.</summary>
public sealed record FaceCheckSubject(DateTimeOffset At, string StudentKey, string ClassCode, string StudentUserCode, string BizCode);
