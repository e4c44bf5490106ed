using Supervision.Contracts.Classes;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Parsing;

/// <summary>2.4's class: course tree (course → chapters → resources) and roster.</summary>
public static class ClassRegistrationParser
{
    public static ClassRegistration Parse(EnvelopeData data) => new(
        data.Code("classCode"),
        data.Text("trainClassName", 256),
        data.Code("orgCode"),
        data.Text("orgName", 256),
        data.OptionalText("workName", 128),
        data.Url("studyPlatformApiUrl"),
        Courses(data),
        data.Objects("thirdClassStudentInfoVoList", 20_000).Select(Student).ToList(),
        ClassPolicyParser.ParseIfPresent(data));

    private static List<ClassCourse> Courses(EnvelopeData data)
    {
        var courses = data.Objects("thirdClassCourseInfoVoList", 1_000).Select(Course).ToList();
        return CourseTreeLimits.Within(courses, CourseTreeLimits.Entries(courses), CourseTreeLimits.MaxEntriesPerTree, data, "thirdClassCourseInfoVoList");
    }

    private static ClassCourse Course(EnvelopeData course) => new(
        course.Code("courseCode"),
        course.OptionalText("title", 256),
        (int)(course.OptionalInteger("sort", int.MinValue) ?? 0),
        course.Objects("children", 1_000).Select(Chapter).ToList());

    private static ClassChapter Chapter(EnvelopeData chapter) => new(
        chapter.Code("chapterCode", "chapetCode"),
        chapter.OptionalText("title", 256),
        (int)(chapter.OptionalInteger("sort", int.MinValue) ?? 0),
        chapter.Objects("children", 1_000).Select(Resource).ToList());

    private static ClassResource Resource(EnvelopeData resource) => new(
        resource.Code("resCode"),
        resource.OptionalText("resType", 32),
        (int)(resource.OptionalInteger("sort", int.MinValue) ?? 0),
        resource.OptionalText("title", 256),
        resource.OptionalUrl("videoUrl"),
        (int)(resource.OptionalInteger("videoTimeLength", 0, 7 * 24 * 3600) ?? 0));

    private static RosterEntry Student(EnvelopeData student) => new(
        student.IdNumber("cardNo"),
        student.Code("studentCode", "studentUserCode", "student UserCode"),
        student.Text("studentName", 64),
        student.OptionalText("studentPhone", 32),
        student.OptionalUrl("ercunPhotos"));
}
