namespace Supervision.DemoPopulation;

/// <summary>One video of a course: a resource the learners watch, 20 to 45 minutes long.</summary>
public sealed record CourseVideo(string ResCode, string Title, int Seconds, int Sort);
