using Supervision.Contracts.Platforms;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Parsing;

/// <summary>The operator's POST /admin/platforms body.</summary>
public static class PlatformRegistrationParser
{
    public static PlatformRegistration Parse(EnvelopeData data)
    {
        var role = data.Text("role", 16) switch
        {
            "learning" => PlatformRole.Learning,
            "business" => PlatformRole.Business,
            _ => throw data.Invalid("role", "must be \"learning\" or \"business\""),
        };
        var password = data.Text("password", 256);
        if (password.Length < 8)
        {
            throw data.Invalid("password", "must be at least 8 characters");
        }

        var apiBaseUrl = data.OptionalUrl("apiBaseUrl");
        if (role == PlatformRole.Learning && apiBaseUrl is null)
        {
            throw data.Invalid("apiBaseUrl", "is required for a learning platform (it is the studyPlatformApiUrl business platforms send)");
        }

        return new PlatformRegistration(
            data.Code("code"),
            data.Text("name", 128),
            role,
            data.Text("account", 128),
            password,
            apiBaseUrl,
            data.OptionalText("outboundToken", 1024));
    }
}
