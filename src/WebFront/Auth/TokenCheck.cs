using Supervision.Contracts.Platforms;

namespace Supervision.WebFront.Auth;

/// <summary>The result of checking a token: the caller, or the return code that says why not.</summary>
public readonly record struct TokenCheck(PlatformIdentity? Caller, string Code);
