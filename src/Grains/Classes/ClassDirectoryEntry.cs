namespace Supervision.Grains.Classes;

/// <summary>A class's row of class_directory, written with the class's state (<see cref="ClassDirectory"/>).</summary>
public sealed record ClassDirectoryEntry(string ClassCode, string TrainClassName, string OrgName, DateTimeOffset At);
