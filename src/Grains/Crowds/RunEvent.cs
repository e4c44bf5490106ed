namespace Supervision.Grains.Crowds;

/// <summary>One event of a <see cref="CoincidenceRun"/>: when it arrived, whose account ("classCode/studentUserCode") and whose ID number.</summary>
public readonly record struct RunEvent(DateTimeOffset At, string Account, string CardNo);
