namespace Supervision.Contracts.Courses;

/// <summary>1.13's courseStatus.</summary>
public enum CourseStatus
{
    Add = 0,
    Delete = 1,
    Modify = 2,
}
