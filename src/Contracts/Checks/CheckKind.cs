namespace Supervision.Contracts.Checks;

/// <summary>The two anti-idle checks, numbered as the class policy's videoOnHook.</summary>
public enum CheckKind
{
    Code = 1,
    Face = 2,
}
