namespace Supervision.WebFront;

/// <summary>
/// Every answer of the front says <c>X-Content-Type-Options: nosniff</c>, so a browser takes each body as the type it
/// is labelled with (a JSON answer never runs as script, a picture never renders as a page), whichever endpoint, error
/// or fault wrote it.
/// </summary>
public static class NoSniff
{
    public static void UseNoSniff(this WebApplication app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
