namespace Supervision.Contracts.Teachers;

/// <summary>
/// A teacher's grain key: the business platform's code and its teaCode. Teacher codes are each platform's own
/// namespace (nothing else in the interface names a teacher), so one platform can neither take another's code nor
/// learn that it exists. Codes are letters, digits, '-' and '_', so '/' cannot occur inside either part. Teachers
/// stored before keys were namespaced stay under their bare teaCode.
/// </summary>
public static class TeacherKey
{
    public static string Of(string businessPlatformCode, string teaCode) => $"{businessPlatformCode}/{teaCode}";
}
