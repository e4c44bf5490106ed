namespace Supervision.Contracts.Study;

/// <summary>Codes are letters, digits, '-' and '_', so '/' cannot occur inside either part.</summary>
public static class StudentClassKey
{
    public static string Of(string classCode, string studentUserCode) => $"{classCode}/{studentUserCode}";

    public static (string ClassCode, string StudentUserCode) Parse(string key)
    {
        var slash = key.IndexOf('/');
        return (key[..slash], key[(slash + 1)..]);
    }
}
