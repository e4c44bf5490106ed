using Microsoft.Extensions.Options;
using Supervision.WebFront;

try
{
    await FrontApplication.Create(args).RunAsync();
}
catch (OptionsValidationException refused)
{
    // A setting the front refuses to start with (a short operator key): its message says what to change.
    await Console.Error.WriteLineAsync($"front: not started: {string.Join(" ", refused.Failures)}");
    return 2;
}

return 0;
