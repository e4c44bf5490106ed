using System.Reflection;

namespace Supervision.WebFront.Declarations;

/// <summary>
/// A record of query parameters a handler takes as one argument: ASP.NET Core binds it through <see cref="BindAsync"/>
/// (read by its declaration, <see cref="DeclaredQuery{T}"/>), never through its own binder, whose failure is an empty 400
/// that quotes the raw value; the document lists its parameters from the same declaration (<see cref="DeclaredQueryParameters"/>).
/// A wrong value throws before any endpoint filter runs: <see cref="FaultAnswer"/> answers it as the handler would have.
/// </summary>
public interface IQueryDeclaration<TSelf> where TSelf : class, IQueryDeclaration<TSelf>
{
    static ValueTask<TSelf?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult<TSelf?>(DeclaredQuery<TSelf>.Read(context.Request.Query));
}
