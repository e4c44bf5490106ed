using Microsoft.Playwright;

namespace Supervision.Tests.Infrastructure;

/// <summary>
/// Debian's headless Chromium driven by Playwright, for tests of the console in a real browser. Playwright's own
/// browser download is never used: the executable is SUPERVISION_CHROMIUM or /usr/bin/chromium (apt-get install
/// chromium; .ci/run installs it). Screenshots go to artifacts/console/ at the repository's root.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot.Path, "artifacts", "console");

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("SUPERVISION_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium not found at {executable}: apt-get install chromium, or set SUPERVISION_CHROMIUM.");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // Sessions run as root, which Chromium's sandbox refuses; the closed network refuses its background calls.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A fresh page (its own cookies and storage) on the front, downloads accepted.</summary>
    public async Task<IPage> OpenAsync(SupervisionCluster system)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = system.Http.BaseAddress!.ToString(),
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            TimezoneId = "Asia/Shanghai",
            Locale = "zh-CN",
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A fresh page logged in to the console as the account <paramref name="operatorName"/> of <paramref name="role"/> (made
    /// by the test administrator unless it exists), every confirmation accepted.
    /// </summary>
    public async Task<IPage> LogInAsync(SupervisionCluster system, string operatorName, string role = "administrator")
    {
        await system.SignInAsync(operatorName, role);
        var page = await OpenAsync(system);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/console");
        await page.FillAsync("#account", operatorName);
        await page.FillAsync("#password", SupervisionCluster.OperatorPassword);
        await page.ClickAsync("#login button[type=submit]");
        await Assertions.Expect(page.Locator("#classes")).ToBeVisibleAsync();
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
