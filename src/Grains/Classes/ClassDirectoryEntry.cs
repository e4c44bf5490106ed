using Supervision.Contracts.Classes;

namespace Supervision.Grains.Classes;

/// <summary>
/// A class's row of class_directory and its roster (student codes and whose ID numbers they are), written with the class's state
/// (<see cref="ClassDirectory"/>).
/// </summary>
public sealed record ClassDirectoryEntry(
    string ClassCode, string TrainClassName, string OrgName, DateTimeOffset At, string BusinessPlatformCode, string LearningPlatformCode, IReadOnlyList<RosterEntry> Students);
