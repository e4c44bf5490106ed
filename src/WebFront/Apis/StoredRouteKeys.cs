using Supervision.WebFront.Auth;
using Supervision.WebFront.Keys;

namespace Supervision.WebFront.Apis;

/// <summary>
/// The operator routes' keys checked against the committed tables before the handler runs, as the platforms' endpoints
/// check theirs: a class, learner, ID number or check photo nobody stored is answered 1201, 1202 or 1003 and wakes no grain, whatever
/// route carries it, so a route added later is covered by naming its parameter as the others do.
/// </summary>
public sealed class StoredRouteKeys(StoredKeys keys, PersonKeySource personKeys) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var aborted = http.RequestAborted;
        if (http.GetRouteValue("classCode") is string classCode)
        {
            await keys.RequireClassAsync(classCode, aborted);
            if (http.GetRouteValue("studentUserCode") is string studentUserCode)
            {
                await keys.RequireLearnerAsync(classCode, studentUserCode, aborted);
            }
        }

        if (http.GetRouteValue("cardNo") is string cardNo)
        {
            await keys.RequirePersonAsync(await personKeys.OfAsync(cardNo, aborted), aborted);
        }

        if (http.GetRouteValue("photoId") is string photo && long.TryParse(photo, out var photoId))
        {
            await keys.RequireCheckPhotoAsync(photoId, aborted);
        }

        return await next(context);
    }
}
