namespace Supervision.Grains.Crowds;

/// <summary>
/// Reports of two or more people that coincide: the same second, the same device id, the same progressTime, playTime
/// and playTime step. <see cref="Accounts"/> are "classCode/studentUserCode"; <see cref="CardNos"/> says whose each is.
/// </summary>
public sealed record CoincidenceBucket(DateTimeOffset Second, string DeviceId, IReadOnlyList<string> Accounts, IReadOnlyList<string> CardNos);
