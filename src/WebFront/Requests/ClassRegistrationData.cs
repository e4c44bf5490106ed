using System.ComponentModel;
using Supervision.Contracts.Classes;
using Supervision.Envelope;
using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Requests;

/// <summary>2.4 pushClassInfo's data: the class, its course tree (course → chapters → videos), its roster and, if it carries one, its policy.</summary>
public readonly record struct ClassRegistrationData(
    [property: Code] string ClassCode,
    [property: Text(256)] string TrainClassName,
    [property: Code] string OrgCode,
    [property: Text(256)] string OrgName,
    [property: Text(128), Description("Trade (工种)")] string? WorkName,
    [property: Url, Description(FieldWords.PlatformUrl)] string StudyPlatformApiUrl,
    [property: Objects(1_000)] IReadOnlyList<ClassCourseData>? ThirdClassCourseInfoVoList,
    [property: Objects(20_000), Description("The roster: at most 1,000 a request and 2,000 a minute per business platform with 2.3's, by default")] IReadOnlyList<ClassStudentData>? ThirdClassStudentInfoVoList,
    [property: Inline] ClassPolicyData? Policy)
{
    /// <summary>The class, once its course tree is within <see cref="CourseTreeLimits.MaxEntriesPerTree"/> (else 1003 naming data.thirdClassCourseInfoVoList).</summary>
    public ClassRegistration Registration(EnvelopeData data)
    {
        var courses = (ThirdClassCourseInfoVoList ?? []).Select(course => course.Course()).ToList();
        return new(ClassCode, TrainClassName, OrgCode, OrgName, WorkName, StudyPlatformApiUrl,
            CourseTreeLimits.Within(courses, CourseTreeLimits.Entries(courses), CourseTreeLimits.MaxEntriesPerTree, data, "thirdClassCourseInfoVoList"),
            (ThirdClassStudentInfoVoList ?? []).Select(student => student.Entry()).ToList(),
            Policy?.Policy());
    }
}
