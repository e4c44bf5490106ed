using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Supervision.Contracts.Evidence;
using Supervision.DemoPopulation;
using Supervision.Tests.Demo;
using Supervision.Tests.Infrastructure;
using Supervision.WebFront.Apis;
using static Microsoft.Playwright.Assertions;

namespace Supervision.Tests.Console;

/// <summary>
/// The console in Chromium on scripts/demo.sh's population (set up and played by its own tool on the test clock): what a
/// person opening the demo sees on every page, in words, checked against what the API answers; and the regulator's
/// walk from the overview to the photo of the learner who had someone else sit their face check. Every page is kept as
/// a screenshot (artifacts/console/demo-*.png; the ones in docs/console/ are these).
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class DemoConsoleBrowserTests(DemoPopulationSystem demo, ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private static readonly LocatorAssertionsToHaveCountOptions Soon = new() { Timeout = 10_000 };

    private SupervisionCluster System => demo.System;

    private Population Population => demo.Population;

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_the_operator_sees_on_the_login_page()
    {
        var page = await chromium.OpenAsync(System);
        await page.GotoAsync("/console/#/overview");
        await page.FillAsync("#account", DemoPopulationSystem.Operator);
        await page.FillAsync("#password", "not the password at all");
        await page.ClickAsync("#login button[type=submit]");

        await Expect(page.Locator("#error")).ToBeVisibleAsync();
        await Expect(page.Locator("#error")).ToContainTextAsync("登录失败 Login refused (1106)");
        await Expect(page.Locator("#login")).ToBeVisibleAsync();
        await Expect(page.Locator("#password")).ToHaveValueAsync("");
        await Expect(page.Locator("#nav")).ToBeHiddenAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "demo-login-refused");
    }

    [Fact]
    public async Task A_regulator_follows_the_learner_who_had_someone_else_sit_the_face_check_from_the_overview_to_the_photo()
    {
        var cheater = Population.Learners.Single(l => l.Pattern == CheatPattern.SendsSomeoneElse);
        var page = await LogInAsync();
        await page.ClickAsync("nav a[href='#/overview']");
        var flagged = page.Locator("#card-learners");
        await Expect(flagged).ToBeVisibleAsync();
        await Expect(flagged).ToContainTextAsync("名学员今天有异常");

        await flagged.ClickAsync();
        var row = page.Locator($"#risk-learners tr[data-learner='{cheater.Class.ClassCode}/{cheater.StudentUserCode}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync(cheater.Person.Name);
        await Expect(row).ToContainTextAsync(cheater.Class.Learning.Name);
        await Expect(row).ToContainTextAsync("人脸不是本人");
        await Expect(row).ToContainTextAsync("Face is someone else");
        Assert.DoesNotContain("face_mismatch", await row.InnerTextAsync());

        await row.GetByRole(AriaRole.Link, new() { Name = cheater.StudentUserCode }).ClickAsync();
        await Expect(page.Locator("#view h2")).ToContainTextAsync($"{cheater.Person.Name} {cheater.StudentUserCode}");
        await Expect(page.Locator("#anomalies tr[data-anomaly='face_mismatch']")).ToBeVisibleAsync();
        var attempt = page.Locator("#timeline tr[data-kind='check_attempt']", new() { HasText = "不是本人" });
        await Expect(attempt).ToHaveCountAsync(1, Soon);
        await Expect(attempt).ToContainTextAsync("failed: not the registered student");
        var photo = attempt.Locator("img[data-photo]");
        await Expect(photo).ToBeVisibleAsync();
        await Expect(photo).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await photo.EvaluateAsync<int>("i => i.naturalWidth") > 0, "the check photo did not load");
        // The photo beside its score, threshold and judgement.
        await Expect(attempt.Locator("figcaption")).ToContainTextAsync("阈值 threshold");
        await Expect(attempt.Locator("figcaption")).ToContainTextAsync("not the registered student");
        await Expect(page.Locator("#student-policy")).ToContainTextAsync("人脸验证");
        Assert.DoesNotContain("check_attempt", await page.Locator("#timeline").InnerTextAsync());
        await ChromiumBrowser.ScreenshotAsync(page, "demo-learner-day");
    }

    [Fact]
    public async Task A_regulator_finds_the_learner_who_swapped_their_photo_among_who_is_cheating_and_sees_both_photos()
    {
        var swapper = Population.Learners.Single(l => l.Pattern == CheatPattern.SwapsThePhoto);
        var page = await LogInAsync();
        await page.ClickAsync("nav a[href='#/risk']");
        await page.SelectOptionAsync("#risk-filter select[name=kind]", AnomalyKind.PhotoChangedAfterStudy);
        await page.ClickAsync("#risk-filter button[type=submit]");
        var row = page.Locator($"#risk-learners tr[data-learner='{swapper.Class.ClassCode}/{swapper.StudentUserCode}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync(swapper.Person.Name);
        await Expect(row).ToContainTextAsync(swapper.Class.Name);
        await Expect(row).ToContainTextAsync(KindNames.Anomalies[AnomalyKind.PhotoChangedAfterStudy].Zh);
        await Expect(row).ToContainTextAsync(KindNames.Anomalies[AnomalyKind.PhotoChangedAfterStudy].En);
        Assert.DoesNotContain(AnomalyKind.PhotoChangedAfterStudy, await row.InnerTextAsync());
        await ChromiumBrowser.ScreenshotAsync(page, "demo-risk-photo-swap");

        // The worst classes count the swap in the learner's class, and lead back to the learner.
        await page.ClickAsync("nav a[href='#/risk-groups']");
        await page.SelectOptionAsync("#risk-filter select[name=kind]", AnomalyKind.PhotoChangedAfterStudy);
        await page.ClickAsync("#risk-filter button[type=submit]");
        var risky = page.Locator($"#risk-classes tr[data-group='{swapper.Class.ClassCode}']");
        await Expect(risky).ToContainTextAsync(swapper.Class.Name);
        await risky.GetByRole(AriaRole.Link, new() { Name = "1", Exact = true }).ClickAsync();
        await Expect(row).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Link, new() { Name = swapper.StudentUserCode }).ClickAsync();
        await Expect(page.Locator("#view h2")).ToContainTextAsync($"{swapper.Person.Name} {swapper.StudentUserCode}");
        var swap = page.Locator("#anomalies tr[data-anomaly='photo_changed_after_study']");
        await Expect(swap).ToBeVisibleAsync();
        await Expect(swap).ToContainTextAsync("replaced the registered photo after the student had begun studying");
        await Expect(swap).ToContainTextAsync("the person (every class)");
        // The swapping platform by its name, its code on hover.
        await Expect(swap.Locator($"td.words p[lang='en'] span.named[title='{swapper.Class.Learning.Code}']")).ToHaveTextAsync(swapper.Class.Learning.Name);
        await Expect(swap.Locator("td.words p[lang='zh-CN']")).ToContainTextAsync($"平台 {swapper.Class.Learning.Name} 把登记照片换成了另一张");
        foreach (var side in new[] { "before", "after" })
        {
            var photo = swap.Locator($"img[data-swap='{side}']");
            await Expect(photo).ToBeVisibleAsync();
            await page.WaitForFunctionAsync($"() => {{ const i = document.querySelector(\"img[data-swap='{side}']\"); return i && i.complete && i.naturalWidth > 0; }}");
        }

        await Expect(swap.Locator("figcaption").First).ToContainTextAsync("the photo registered before");
        await Expect(swap.Locator("figcaption").Last).ToContainTextAsync("the photo swapped in");
        // Both kept when the swap was recorded, each under its digest.
        await Expect(swap.Locator("figcaption .digest")).ToHaveCountAsync(2);
        await ChromiumBrowser.ScreenshotAsync(page, "demo-photo-swap");
    }

    [Fact]
    public async Task Every_page_shows_the_demo_in_words()
    {
        var risk = await ReturnDataAsync("/admin/risk/learners?limit=100");
        var flagged = (int)risk["total"]!;
        Assert.True(flagged >= 10, $"{flagged} learners flagged");
        var page = await LogInAsync();

        await Expect(page.Locator("#classes tbody tr")).ToHaveCountAsync(Population.Classes.Count, Soon);
        foreach (var @class in Population.Classes)
            await Expect(page.Locator($"#classes tr[data-class='{@class.ClassCode}'] td")).ToContainTextAsync([@class.Name, @class.Learning.Name, @class.Business.Name]);
        await ChromiumBrowser.ScreenshotAsync(page, "demo-classes");

        await page.ClickAsync("nav a[href='#/overview']");
        await Expect(page.Locator("#card-learners strong")).ToHaveTextAsync(flagged.ToString());
        await Expect(page.Locator("#card-reviews strong")).ToHaveTextAsync("2");
        await Expect(page.Locator("#card-deliveries strong")).ToHaveTextAsync("0");
        // The failing-messages tile is there only while a message between grains fails; none does in the demo.
        await Expect(page.Locator("#card-messages")).ToHaveCountAsync(0);
        await Expect(page.Locator("#needs-now #risk-learners tbody tr")).ToHaveCountAsync(5, Soon);
        foreach (var chart in new[] { "#activity-chart", "#credit-platform-chart", "#credit-class-chart", "#anomaly-chart" })
            await Expect(page.Locator(chart)).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "demo-overview");
        // Each chart's numbers, a click away, in words.
        await page.Locator("section.chart", new() { Has = page.Locator("#credit-platform-chart") }).Locator("summary").ClickAsync();
        await Expect(page.Locator("#credit-platform-chart-data")).ToContainTextAsync(Population.Learning[0].Name);
        // The per-class chart names its classes; each code only on hover.
        await page.Locator("section.chart", new() { Has = page.Locator("#credit-class-chart") }).Locator("summary").ClickAsync();
        var perClass = page.Locator("#credit-class-chart-data");
        await Expect(perClass).ToBeVisibleAsync();
        var credited = Population.Learners.First(l => l.Pattern == CheatPattern.None).Class;
        await Expect(perClass.Locator($"a[data-code='{credited.ClassCode}']").First).ToHaveTextAsync(credited.Name);
        await Expect(perClass.Locator($"a[data-code='{credited.ClassCode}']").First).ToHaveAttributeAsync("title", credited.ClassCode);
        foreach (var @class in Population.Classes)
            Assert.DoesNotContain(@class.ClassCode, await perClass.InnerTextAsync());
        await page.Locator("section.chart", new() { Has = page.Locator("#anomaly-chart") }).Locator("summary").ClickAsync();
        await Expect(page.Locator("#anomaly-chart-data")).ToContainTextAsync("进度超过时钟");
        Assert.DoesNotContain("progress_ahead_of_clock", await page.Locator("#anomaly-chart-data").InnerTextAsync());

        await page.ClickAsync("nav a[href='#/risk']");
        var ranked = page.Locator("#risk-learners");
        await Expect(ranked.Locator("tbody tr")).ToHaveCountAsync(Math.Min(flagged, 25), Soon);
        var rankedText = await ranked.InnerTextAsync();
        // Each cheat pattern by its name; a swapped photo, the person's own, counts for the learner in their class.
        var unnamed = new[] { "progress_ahead_of_clock", "position_jump", "end_after_jump", "live_on_another_platform", "concurrent_session",
            "closed_session_report", "rapid_restarts", "check_answer_bot", "biz_code_replayed", "face_photo_replayed", "face_mismatch", "photo_changed_after_study" }
            .Where(kind => !rankedText.Contains(KindNames.Anomalies[kind].Zh) || !rankedText.Contains(KindNames.Anomalies[kind].En)).ToList();
        Assert.Empty(unnamed);
        Assert.DoesNotContain("_", rankedText);
        await ChromiumBrowser.ScreenshotAsync(page, "demo-risk-learners");

        await page.ClickAsync("nav a[href='#/risk-groups']");
        foreach (var platform in Population.Learning)
            await Expect(page.Locator($"#risk-platforms tr[data-group='{platform.Code}']")).ToContainTextAsync(platform.Name);
        await Expect(page.Locator("#risk-classes tbody tr")).ToHaveCountAsync(Population.Classes.Count, Soon);
        await Expect(page.Locator("#risk-classes")).ToContainTextAsync(Population.Classes[0].Name);
        await ChromiumBrowser.ScreenshotAsync(page, "demo-risk-groups");

        var honest = Population.Learners.First(l => l.Pattern == CheatPattern.None && l.Class.Kind.VideoOnHook == 1);
        await page.ClickAsync("nav a[href='#/classes']");
        await page.ClickAsync($"#classes a:text-is('{honest.Class.ClassCode}')");
        await Expect(page.Locator($"#students tr[data-student='{honest.StudentUserCode}']")).ToContainTextAsync(honest.Person.Name);
        await Expect(page.Locator("#class-facts")).ToContainTextAsync(honest.Class.Business.Name);
        await Expect(page.Locator("#class-facts")).ToContainTextAsync($"{honest.Class.Learning.Name} ({honest.Class.Learning.Code})");
        await Expect(page.Locator($"#operator-actions tr[data-action='class_approval']")).ToContainTextAsync("approval: waiting → approved");
        Assert.DoesNotContain("{", await page.Locator("#operator-actions").InnerTextAsync());
        await Expect(page.Locator("#progress-chart")).ToBeVisibleAsync();
        // Credit per video by the course's and the video's titles, their codes on hover.
        var video = page.Locator($"#students tr[data-student='{honest.StudentUserCode}'] li[data-res='{honest.Class.Course.Videos[0].ResCode}']");
        await Expect(video).ToContainTextAsync($"{honest.Class.Course.Name} / {honest.Class.Course.Videos[0].Title}:");
        await Expect(video.Locator($"[title='{honest.Class.Course.Videos[0].ResCode}']")).ToHaveTextAsync(honest.Class.Course.Videos[0].Title);
        Assert.DoesNotContain(honest.Class.Course.Videos[0].ResCode, await video.InnerTextAsync());
        await ChromiumBrowser.ScreenshotAsync(page, "demo-class");

        await page.ClickAsync($"#students a:text-is('{honest.StudentUserCode}')");
        await Expect(page.Locator("#timeline tr[data-kind='check_passed']").First).ToBeVisibleAsync();
        await Expect(page.Locator("#timeline")).ToContainTextAsync("验证码");
        // A video is named by its title, its code on hover.
        var started = page.Locator("#timeline tr[data-kind='session_start']").Last; // the day's first start: the first video
        var first = honest.Class.Course.Videos[0];
        await Expect(started.Locator("td.words p[lang='en']")).ToContainTextAsync($"video \"{first.Title}\"");
        await Expect(started.Locator("td.words p[lang='zh-CN']")).ToContainTextAsync($"学习视频《{first.Title}》");
        await Expect(started.Locator($"td.words p[lang='en'] span.named[title='{first.ResCode}']")).ToHaveTextAsync(first.Title);
        await Expect(page.Locator("#anomalies-empty")).ToContainTextAsync("No anomaly that day.");
        await Expect(page.Locator("#student-facts")).ToContainTextAsync($"{honest.CreditedSeconds} s");
        await ChromiumBrowser.ScreenshotAsync(page, "demo-honest-day");

        await page.ClickAsync("nav a[href='#/anomalies']");
        await Expect(page.Locator("#anomalies tr[data-anomaly]").First).ToBeVisibleAsync();
        await Expect(page.Locator("#anomalies tr[data-anomaly='closed_session_report']").First).ToContainTextAsync("the same person started in another class");
        await Expect(page.Locator("#anomalies tr[data-anomaly='face_mismatch'] td.words p[lang='en']").First).ToBeVisibleAsync();
        await Expect(page.Locator("#anomalies tr[data-anomaly='photo_changed_after_study']")).ToContainTextAsync(KindNames.Anomalies["photo_changed_after_study"].Zh);
        var bot = page.Locator("#anomalies tr[data-anomaly='check_answer_bot']").First;
        await Expect(bot).ToContainTextAsync("待复核 Under review");
        await ChromiumBrowser.ScreenshotAsync(page, "demo-anomalies");

        await page.ClickAsync("nav a[href='#/deliveries']");
        await Expect(page.Locator("#deliveries-empty")).ToContainTextAsync("Nothing is failing");
        await page.Locator("#delivery-filter").GetByRole(AriaRole.Link, new() { Name = "已送达 delivered" }).ClickAsync();
        // The class pushes (and any catalogue pull), never the passes of the learners' checks that ride the same outbox.
        var delivered = page.Locator("#deliveries tbody tr");
        await Expect(delivered.Filter(new() { HasText = "班级推送 (1.12)" })).ToHaveCountAsync(Population.Classes.Count, Soon);
        foreach (var @class in Population.Classes)
            await Expect(page.Locator("#deliveries")).ToContainTextAsync(@class.ClassCode);
        await Expect(delivered.Filter(new() { HasNotTextRegex = new System.Text.RegularExpressions.Regex(@"\(1\.1[24]\)") })).ToHaveCountAsync(0);
        await ChromiumBrowser.ScreenshotAsync(page, "demo-deliveries");

        await page.ClickAsync("nav a[href='#/grain-messages']");
        await Expect(page.Locator("#grain-messages-empty")).ToBeVisibleAsync();
        await Expect(page.Locator("#grain-messages-empty")).ToContainTextAsync("No message between grains is failing");
        await ChromiumBrowser.ScreenshotAsync(page, "demo-grain-messages-empty");

        await page.ClickAsync("nav a[href='#/face-reviews']");
        var cards = page.Locator("#face-reviews article");
        await Expect(cards).ToHaveCountAsync(2, Soon);
        // Each card names the learner, the class and the platform in words, the codes on hover.
        foreach (var pattern in new[] { CheatPattern.BorderlinePass, CheatPattern.BorderlineRefusal })
        {
            var learner = Population.Learners.Single(l => l.Pattern == pattern);
            var card = cards.Filter(new() { Has = page.Locator($"a[data-code='{learner.StudentUserCode}']") });
            await Expect(card).ToContainTextAsync(learner.Person.Name);
            await Expect(card).ToContainTextAsync(learner.Class.Name);
            await Expect(card).ToContainTextAsync(learner.Class.Learning.Name);
            await Expect(card.Locator($"a[data-code='{learner.StudentUserCode}']")).ToHaveAttributeAsync("title", learner.StudentUserCode);
            var words = await card.Locator("dl").InnerTextAsync();
            Assert.DoesNotContain(learner.StudentUserCode, words);
            Assert.DoesNotContain(learner.Class.ClassCode, words);
            Assert.DoesNotContain(learner.Class.Learning.Code, words);
        }

        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#face-reviews img')].every(i => i.complete && i.naturalWidth > 0)");
        await Expect(page.Locator("#face-reviews")).ToContainTextAsync("比对分数 Score");
        await ChromiumBrowser.ScreenshotAsync(page, "demo-face-reviews");

        await page.ClickAsync("nav a[href='#/actions']");
        var log = page.Locator("#action-log");
        await Expect(log).ToContainTextAsync(DemoPopulationSystem.Operator);
        await Expect(log).ToContainTextAsync(Population.Classes[0].ClassCode);
        await ChromiumBrowser.ScreenshotAsync(page, "demo-action-log");

        await page.ClickAsync("nav a[href='#/operators']");
        await Expect(page.Locator("#operators")).ToContainTextAsync(DemoPopulationSystem.Operator);
        await ChromiumBrowser.ScreenshotAsync(page, "demo-operators");
    }

    private Task<IPage> LogInAsync() => chromium.LogInAsync(System, DemoPopulationSystem.Operator);

    private async Task<JsonNode> ReturnDataAsync(string path)
    {
        var answer = await System.AdminAsync(HttpMethod.Get, path);
        EnvelopeAssert.Code("0", answer);
        return answer["returnData"]!;
    }
}
