using Supervision.Contracts;
using Supervision.Contracts.Evidence;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Apis;

/// <summary>
/// Who takes an operator's action: the X-Operator header (the console asks for a name at log-in), and the address
/// the request came from. A script that sends none is recorded as "operator"; a name that is too long or holds
/// control characters is refused, naming the header, so that it cannot forge lines in a log or a report.
/// </summary>
public static class OperatorName
{
    public const string Header = "X-Operator";
    private const int MaxLength = 64;

    public static OperatorAction Of(HttpContext context)
    {
        // Browsers send header values as Latin-1 bytes, so the console sends a Chinese name percent-encoded; the
        // name is judged once decoded, where an encoded line break would be.
        var name = Uri.UnescapeDataString(context.Request.Headers[Header].ToString()).Trim();
        if (name.Length > MaxLength || name.Any(char.IsControl))
        {
            throw new EnvelopeRejection(ReturnCode.InvalidField, $"{Header}: a name of at most {MaxLength} characters, without control characters");
        }

        return new OperatorAction(name.Length > 0 ? name : "operator", SourceAddress.Of(context));
    }
}
