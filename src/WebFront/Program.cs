using Supervision.WebFront;

await FrontApplication.Create(args).RunAsync();
