namespace Supervision.DemoPopulation;

/// <summary>A class a business platform registers (2.4) for a learning platform to teach: one course, its roster.</summary>
public sealed class DemoClass(string classCode, string name, ClassKind kind, Course course, DemoPlatform learning, DemoPlatform business)
{
    public string ClassCode { get; } = classCode;

    /// <summary>e.g. 低压电工作业 2026年第3期.</summary>
    public string Name { get; } = name;

    public ClassKind Kind { get; } = kind;

    public Course Course { get; } = course;

    public DemoPlatform Learning { get; } = learning;

    public DemoPlatform Business { get; } = business;

    public List<DemoLearner> Roster { get; } = [];
}
