namespace Supervision.Contracts;

/// <summary>What a grain call decided: a return code and the message that names the field or rule.</summary>
[GenerateSerializer, Immutable]
public sealed record Outcome([property: Id(0)] string Code, [property: Id(1)] string Message)
{
    public static readonly Outcome Ok = new(ReturnCode.Success, "success");

    public bool Succeeded => Code == ReturnCode.Success;

    public static Outcome Fail(string code, string message) => new(code, message);
}

/// <summary>An <see cref="Outcome"/> that carries data on success.</summary>
[GenerateSerializer, Immutable]
public sealed record Outcome<T>([property: Id(0)] string Code, [property: Id(1)] string Message, [property: Id(2)] T? Data)
{
    public bool Succeeded => Code == ReturnCode.Success;

    public static Outcome<T> Ok(T data) => new(ReturnCode.Success, "success", data);

    public static Outcome<T> Fail(string code, string message) => new(code, message, default);

    public static implicit operator Outcome<T>(Outcome failure) => new(failure.Code, failure.Message, default);
}
