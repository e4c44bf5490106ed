using System.Linq.Expressions;

namespace Supervision.Envelope.Declarations;

/// <summary>Builds a call of one of <see cref="EnvelopeData"/>'s field readers, by name, with constant arguments.</summary>
public static class EnvelopeDataCall
{
    public static Expression Of(Expression data, string method, params object[] arguments)
    {
        var info = typeof(EnvelopeData).GetMethod(method) ?? throw new InvalidOperationException($"EnvelopeData has no {method}");
        var parameters = info.GetParameters();
        return Expression.Call(data, info, arguments.Select((argument, i) => Expression.Constant(argument, parameters[i].ParameterType)));
    }
}
