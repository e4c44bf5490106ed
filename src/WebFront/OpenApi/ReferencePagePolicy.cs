using Scalar.AspNetCore;

namespace Supervision.WebFront.OpenApi;

/// <summary>
/// The Content-Security-Policy of the API reference page: scripts only from this front and the page's own inline
/// script (by the nonce Scalar puts on it for each request), every fetch to this front, and no framing, so an
/// injected script or a page that frames the reference gets nothing.
/// </summary>
public static class ReferencePagePolicy
{
    public static IApplicationBuilder UseReferencePagePolicy(this IApplicationBuilder app) => app.Use(static (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments(ApiDocumentation.ReferencePath))
        {
            SetPolicyOnStart(context);
        }

        return next(context);
    });

    /// <summary>Apart from the middleware, so that other requests do not pay for its closure.</summary>
    private static void SetPolicyOnStart(HttpContext context) =>
        context.Response.OnStarting(() =>
        {
            var nonce = context.Items[ScalarOptions.NonceHttpContextItemKey] as string;
            var scripts = nonce is null ? "'self'" : $"'self' 'nonce-{nonce}'";
            context.Response.Headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
            return Task.CompletedTask;
        });
}
