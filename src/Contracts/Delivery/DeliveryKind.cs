namespace Supervision.Contracts.Delivery;

public static class DeliveryKind
{
    /// <summary>1.12 pushClassInfo.</summary>
    public const string Push = "push";

    /// <summary>1.14 thirdCoursePull, every page.</summary>
    public const string Pull = "pull";
}
