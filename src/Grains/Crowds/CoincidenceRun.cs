namespace Supervision.Grains.Crowds;

/// <summary>
/// Events of different accounts on one device id with the same values, in order of arrival, each within
/// <see cref="CrowdOptions.Window"/> of the one before: two of them coincide when they arrived within the window of each
/// other. <see cref="IsAnswer"/> says whether they are check answers (check_attempt) or reports. Each event of the
/// ledger is in one run at most, so a crowd of k accounts in lockstep is a run of k events, not k·(k−1)/2 pairs.
/// </summary>
public sealed record CoincidenceRun(string DeviceId, bool IsAnswer, IReadOnlyList<RunEvent> Events);
