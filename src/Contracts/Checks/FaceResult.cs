namespace Supervision.Contracts.Checks;

/// <summary>1.6's answer: <see cref="Result"/> 1 = the registered student, 2 = not (the platform asks for a retake).</summary>
[GenerateSerializer, Immutable]
public sealed record FaceResult([property: Id(0)] int Result, [property: Id(1)] string Message)
{
    public const int Pass = 1;
    public const int Fail = 2;
}
