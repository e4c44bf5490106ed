using Supervision.StandInPlatform;

// A stand-in learning platform for scripts/demo.sh, so the server's pushes land somewhere real instead of
// retrying against a host that does not exist. Listens where ASPNETCORE_URLS says.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
PlatformEndpoints.Map(app);
app.Run();
