using Supervision.Contracts;
using Supervision.Contracts.Classes;

namespace Supervision.WebFront.Apis;

/// <summary>A student's line on the class page. The ID number is masked: the console identifies students by code and name.</summary>
public static class StudentProgressAnswer
{
    public static object From(StudentProgress row) => new
    {
        studentUserCode = row.Student.StudentUserCode,
        studentName = row.Student.StudentName,
        cardNo = ResidentIdNumber.Mask(row.Student.CardNo),
        realNameVerified = row.Study.RealNameVerified,
        studying = row.Study.OpenSession is { PausedAt: null },
        totalCredited = row.Study.TotalCredited,
        today = row.Study.Today,
        todayCredited = row.Study.TodayCredited,
        credit = row.Study.Credit,
    };
}
