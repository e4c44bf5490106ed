namespace Supervision.WebFront;

/// <summary>
/// Every answer of the front says <c>X-Content-Type-Options: nosniff</c>, so a browser takes each body as the type it
/// is labelled with (a JSON answer never runs as script, a picture never renders as a page), whichever endpoint, error
/// or fault wrote it.
/// </summary>
public static class NoSniff
{
    public static void UseNoSniff(this WebApplication app) =>
        app.Use(static (context, next) =>
        {
            // A static callback with the response as its state: no closure for every request.
            context.Response.OnStarting(static response =>
            {
                ((HttpResponse)response).Headers.XContentTypeOptions = "nosniff";
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
}
