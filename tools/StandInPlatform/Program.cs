using Supervision.StandInPlatform;

// A stand-in learning platform for scripts/demo.sh, so the server's pushes land somewhere real instead of
// retrying against a host that does not exist, and the photo host of the demo's learners (tests/Faces, copied beside
// it). Listens where ASPNETCORE_URLS says.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
PlatformEndpoints.Map(app, Path.Combine(AppContext.BaseDirectory, "Faces"));
app.Run();
