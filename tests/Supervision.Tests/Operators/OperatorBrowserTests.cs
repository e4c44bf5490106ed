using Microsoft.Playwright;
using Supervision.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Supervision.Tests.Operators;

/// <summary>
/// Accounts and the action log in Chromium, as an administrator uses them: make a colleague's account, change its role,
/// and read both changes, before and after, in the log; a viewer is not offered the accounts page.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OperatorBrowserTests(SupervisionCluster system, ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task An_administrator_makes_an_account_changes_its_role_and_reads_both_in_the_action_log()
    {
        var admin = TestIds.Code("admin")[..12];
        var colleague = "同事 " + TestIds.Code("c")[..8];
        var page = await chromium.LogInAsync(system, admin);
        await Expect(page.Locator("#signed-in")).ToContainTextAsync(admin);

        await page.GetByRole(AriaRole.Link, new() { Name = "账户 Accounts" }).ClickAsync();
        var form = page.Locator("#new-operator");
        await form.GetByLabel("账户 Account").FillAsync(colleague);
        await form.GetByLabel("角色 Role").SelectOptionAsync("reviewer");
        await form.GetByLabel("初始密码 First password (12+)").FillAsync(SupervisionCluster.OperatorPassword);
        await form.GetByRole(AriaRole.Button, new() { Name = "创建 Create" }).ClickAsync();
        var row = page.Locator($"tr[data-account='{colleague}']");
        await Expect(row).ToBeVisibleAsync();
        await row.GetByLabel($"role of {colleague}").SelectOptionAsync("viewer");
        await Expect(page.Locator($"tr[data-account='{colleague}'] select")).ToHaveValueAsync("viewer");
        await ChromiumBrowser.ScreenshotAsync(page, "20-accounts");

        await page.GetByRole(AriaRole.Link, new() { Name = "操作记录 Action log" }).ClickAsync();
        await page.Locator("#action-filter").GetByLabel("操作员 Operator").FillAsync(admin);
        await page.Locator("#action-filter").GetByRole(AriaRole.Button, new() { Name = "筛选 Filter" }).ClickAsync();
        var rows = page.Locator("#action-log tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToContainTextAsync("Changed an operator account");
        await Expect(rows.Nth(0).Locator("td.change")).ToContainTextAsync("role: reviewer → viewer");
        await Expect(rows.Nth(1).Locator("td.change")).ToContainTextAsync("password: set");
        await Expect(rows.Nth(0).Locator("td.operator")).ToHaveTextAsync(admin);
        await Expect(page.GetByText("第 1 / 1 页 Page 1 of 1")).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "21-action-log");
    }

    [Fact]
    public async Task A_viewer_is_not_offered_the_accounts_page()
    {
        var page = await chromium.LogInAsync(system, TestIds.Code("viewer")[..12], "viewer");

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "操作记录 Action log" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "账户 Accounts" })).ToBeHiddenAsync();
    }
}
