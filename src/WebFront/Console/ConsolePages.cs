using Microsoft.Extensions.FileProviders;

namespace Supervision.WebFront.Console;

/// <summary>
/// Serves the supervisor's console at /console: static files embedded in the front's assembly, so every front
/// serves the same console whatever directory it runs from. The page reads the operator API with the admin key.
/// </summary>
public static class ConsolePages
{
    private const string Root = "/console";

    public static void UseConsole(this WebApplication app)
    {
        var files = new ManifestEmbeddedFileProvider(typeof(ConsolePages).Assembly, "Console/wwwroot");

        // Not an endpoint: routing ignores a trailing slash, so a mapped "/console" would answer "/console/" too and loop.
        app.Use((context, next) =>
        {
            if (context.Request.Path.Value is Root)
            {
                context.Response.Redirect(Root + "/");
                return Task.CompletedTask;
            }

            return next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = Root });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = Root,
            OnPrepareResponse = context => Protect(context.Context.Response.Headers),
        });
    }

    /// <summary>
    /// The console shows personal data under the admin key: it runs only its own script, talks only to its own
    /// origin, cannot be framed, and is not cached, so a shared browser does not keep it.
    /// </summary>
    private static void Protect(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; connect-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
    }
}
