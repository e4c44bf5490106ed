using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Supervision.WebFront.Apis;

namespace Supervision.WebFront.OpenApi;

/// <summary>
/// What the document says as a whole: the envelope, the table of failure codes, and the operator session (or the
/// bootstrap key) that every /admin operation but the login needs.
/// </summary>
public sealed class EnvelopeDocumentTransformer : IOpenApiDocumentTransformer
{
    private const string AdminKeyScheme = "adminKey";
    private const string SessionScheme = "operatorSession";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Supervision platform API",
            Version = "v1",
            Description = Description,
        };

        // A relative server, never the request's Host header: the document is the same whoever asks, and cannot be
        // made to point a reader at another site.
        document.Servers = [new OpenApiServer { Url = "/" }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[AdminKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = OperatorCheck.KeyHeader,
            Description = "The shared key (SUPERVISION_ADMIN_KEY): a bootstrap that only creates the first administrator (POST /admin/operators), "
                + "refused with 1122 once one exists unless SUPERVISION_KEEP_ADMIN_KEY keeps it. A wrong one answers HTTP 401 and 1109.",
        };
        document.Components.SecuritySchemes[SessionScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An operator's session from POST /admin/login (8 hours; a change of the account ends it). Without a valid one /admin answers "
                + "HTTP 401 and 1120; a role that may not use the route, HTTP 403 and 1121.",
        };

        var session = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SessionScheme, document)] = [] };
        var key = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AdminKeyScheme, document)] = [] };
        var operatorOperations = document.Paths
            .Where(path => path.Key.StartsWith("/admin/", StringComparison.Ordinal) && path.Key != "/admin/login")
            .SelectMany(path => path.Value.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>());
        foreach (var operation in operatorOperations)
        {
            operation.Security = [session, key];
        }

        return Task.CompletedTask;
    }

    private static readonly string Description = $$$"""
        The supervision platform's interface: learning platforms report study sessions (section 1), business platforms register
        classes and read their study records (section 2), and the operator manages accounts and reads the evidence (/admin).

        Every section 1 and 2 request is a `POST` with `Content-Type: application/json` and the envelope
        `{"headers": {"deviceType", "timestamp", "deviceId", "userToken"}, "data": {…}}` (`data` is an array for 1.13 and 2.3;
        section 2 may spell the token `user_token`). Get the token from 1.1 thlogin; it is valid 2 hours.

        Every answer is `{"returnCode": "…", "returnMsg": "…", "returnData": …}`. `returnCode` is a string: `"0"` is success, anything
        else a failure that changed nothing, and `returnMsg` names the field or the rule. Handled failures answer HTTP 200; only a wrong
        operator session or key (401), a role that may not use an operator route (403), a rate limit (429), an unexpected fault (500) and an unreachable cluster or database (503) answer another
        status, still with the envelope. A code never changes meaning once published:

        {{{FailureCodes.Table()}}}
        """;
}
