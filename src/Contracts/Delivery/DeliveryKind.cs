namespace Supervision.Contracts.Delivery;

public static class DeliveryKind
{
    /// <summary>1.12 pushClassInfo.</summary>
    public const string Push = "push";

    /// <summary>1.14 thirdCoursePull, every page.</summary>
    public const string Pull = "pull";

    /// <summary>A challenge's pass, to its student-class (IStudentClassGrain.CheckPassed).</summary>
    public const string Pass = "pass";

    /// <summary>A face review's rejection, to the student-class (IStudentClassGrain.RejectFaceCheck).</summary>
    public const string Rejection = "rejection";
}
