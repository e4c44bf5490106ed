using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Supervision.Tests.Infrastructure;
using Supervision.WebFront;

namespace Supervision.Tests.Front;

/// <summary>An operator key short enough to guess keeps the front from starting; no cluster is needed to see it.</summary>
public sealed class AdminKeyStartupTests
{
    [Fact]
    public async Task The_front_process_refuses_to_start_with_a_short_admin_key_and_says_why()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ProcessCluster.BinaryPath("WebFront", "Supervision.WebFront.dll"));
        start.Environment["SUPERVISION_ADMIN_KEY"] = "admin-key-23-characters";
        start.Environment["SUPERVISION_DB"] = "Host=127.0.0.1;Port=1;Database=none;Username=none";
        start.Environment["SUPERVISION_URLS"] = $"http://127.0.0.1:{FreePort.Next()}";
        using var front = Process.Start(start)!;
        var stderr = front.StandardError.ReadToEndAsync();
        var stdout = front.StandardOutput.ReadToEndAsync();

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await front.WaitForExitAsync(patience.Token);

        Assert.Equal(2, front.ExitCode);
        var said = await stderr + await stdout;
        Assert.Contains("SUPERVISION_ADMIN_KEY", said);
        Assert.Contains("shorter than 24 characters", said);
    }

    [Theory]
    [InlineData(23, false)]
    [InlineData(24, true)]
    public async Task The_key_must_be_24_characters_at_least(int length, bool accepted)
    {
        await using var front = FrontApplication.Create([], web => web.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SUPERVISION_DB"] = "Host=127.0.0.1;Port=1;Database=none;Username=none",
            ["SUPERVISION_URLS"] = "http://127.0.0.1:0",
            ["SUPERVISION_ADMIN_KEY"] = new string('k', length),
        }));

        FrontOptions Read() => front.Services.GetRequiredService<IOptions<FrontOptions>>().Value;

        if (accepted)
        {
            Assert.Equal(length, Read().AdminKey!.Length);
        }
        else
        {
            var refused = Assert.Throws<OptionsValidationException>(Read);
            Assert.Contains("SUPERVISION_ADMIN_KEY", refused.Message);
        }
    }
}
