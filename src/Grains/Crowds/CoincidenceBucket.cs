namespace Supervision.Grains.Crowds;

/// <summary>
/// Events of two people that coincide: on one device id, with the same values, arriving within
/// <see cref="CrowdOptions.Window"/> of each other. <see cref="IsAnswer"/> says whether they are check answers
/// (check_attempt) or reports. <see cref="Accounts"/> are "classCode/studentUserCode"; <see cref="CardNos"/> says
/// whose each is.
/// </summary>
public sealed record CoincidenceBucket(DateTimeOffset At, string DeviceId, bool IsAnswer, IReadOnlyList<string> Accounts, IReadOnlyList<string> CardNos);
