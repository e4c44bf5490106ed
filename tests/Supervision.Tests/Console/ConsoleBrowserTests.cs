using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Supervision.TestFaces;
using Supervision.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Supervision.Tests.Console;

/// <summary>
/// The supervisor's console in headless Chromium against the running front: what a supervisor clicks through,
/// checked against what the API answers. Each page is kept as a screenshot in artifacts/console/.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ConsoleBrowserTests(SupervisionCluster system, ChromiumBrowser chromium, PhotoServer photos)
    : IClassFixture<ChromiumBrowser>, IClassFixture<PhotoServer>
{
    private static readonly LocatorAssertionsToHaveCountOptions Soon = new() { Timeout = 10_000 };

    [Fact]
    public async Task A_supervisor_finds_a_class_sees_the_seconds_2_5_reports_opens_the_timeline_and_downloads_the_csv()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        await learner.StartAsync();
        await learner.PlayMinutesAsync(3);
        system.Clock.Advance(TimeSpan.FromSeconds(20));
        await learner.ReportAsync(200, 20);
        var reported = await StudyRecordSecondsAsync(learner);

        var page = await LogInAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "1-classes");
        await page.FillAsync("input[name=search]", learner.ClassCode);
        await page.ClickAsync("form button[type=submit]");
        await Expect(page.Locator("#classes tbody tr")).ToHaveCountAsync(1, Soon);
        await page.ClickAsync($"#classes a:text-is('{learner.ClassCode}')");

        var credited = page.Locator($"#students tr[data-student='{learner.StudentUserCode}'] td[data-credited]");
        await Expect(credited).ToHaveAttributeAsync("data-credited", reported.ToString());
        await Expect(page.Locator("#class-facts")).ToContainTextAsync(learner.Platforms.LearningCode);
        await ChromiumBrowser.ScreenshotAsync(page, "2-class");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-csv"));
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        var csv = System.Text.Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{learner.ClassCode}-study-records.csv", download.SuggestedFilename);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // the byte-order mark spreadsheet programs need for Chinese names
        Assert.Equal("classCode,studentUserCode,studentName,courseCode,sectionCode,resCode,playTimeSeconds", csv[0]);
        Assert.Equal(reported, csv.Skip(1).Where(line => line.StartsWith($"{learner.ClassCode},{learner.StudentUserCode},张丽,")).Sum(line => long.Parse(line.Split(',')[^1])));

        await page.ClickAsync($"#students a:text-is('{learner.StudentUserCode}')");
        // The four reports of one session read as one line of the day's story.
        await Expect(page.Locator("#timeline tr[data-kind='report']")).ToHaveAttributeAsync("data-reports", "4");
        await Expect(page.Locator("#timeline tr[data-kind='report']")).ToContainTextAsync("4 reports");
        await Expect(page.Locator("#timeline tr[data-kind='session_start']")).ToHaveCountAsync(1, Soon);
        await Expect(page.Locator("#student-facts")).ToContainTextAsync($"{reported} s");
        await ChromiumBrowser.ScreenshotAsync(page, "3-student");
    }

    [Fact]
    public async Task An_anomaly_appears_on_the_open_anomalies_page_after_a_cheating_report()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        await learner.StartAsync();
        await learner.PlayMinutesAsync(1);

        var page = await LogInAsync();
        await page.GotoAsync($"/console/#/anomalies?classCode={learner.ClassCode}");
        await Expect(page.Locator("#anomalies-empty")).ToBeVisibleAsync();
        await Expect(page.Locator("#anomalies tr[data-anomaly]")).ToHaveCountAsync(0);

        system.Clock.Advance(TimeSpan.FromSeconds(10));
        await learner.ReportAsync(60 + 600, 600);

        await Expect(page.Locator("#anomalies tr[data-anomaly='progress_ahead_of_clock']")).ToHaveCountAsync(1, Soon);
        var words = page.Locator("#anomalies tr[data-anomaly='progress_ahead_of_clock'] td.words");
        await Expect(words.Locator("p[lang='zh-CN']")).ToContainTextAsync("声称学习 600 秒");
        await Expect(words.Locator("p[lang='en']")).ToContainTextAsync("claimed 600 s");
        await ChromiumBrowser.ScreenshotAsync(page, "4-anomalies");

        await page.SelectOptionAsync("select[name=kind]", "position_jump");
        await page.ClickAsync("#anomaly-filter button[type=submit]");
        await Expect(page.Locator("#anomaly-list")).ToContainTextAsync("0 条");
        await Expect(page.Locator("#anomalies tr[data-anomaly]")).ToHaveCountAsync(0, Soon);
    }

    [Fact]
    public async Task A_face_check_shows_on_the_timeline_with_its_photo_and_its_anomaly()
    {
        var learner = await Learner.EnrolAsync(system, new { videoOnHook = 2, faceTimeLimit = 1, videoOnHookDetail = new { triggerType = 1, triggervValue = 1 } }, 3600);
        await learner.SetPhotoAsync(photos.Publish(FacePhotos.Hopper));
        await learner.StartAsync();
        await learner.PlayMinutesAsync(1);
        var judged = await learner.SubmitFaceAsync(await learner.GetFaceCheckAsync(), FacePhotos.Astronaut);
        Assert.Equal(2, (int)judged["returnData"]!["result"]!);

        var page = await LogInAsync();
        await page.GotoAsync($"/console/#/classes/{learner.ClassCode}/students/{learner.StudentUserCode}");

        var photo = page.Locator("#timeline tr[data-kind='check_attempt'] img[data-photo]");
        await Expect(photo).ToHaveCountAsync(1, Soon);
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('#timeline img[data-photo]'); return i && i.complete && i.naturalWidth > 0; }");
        await Expect(page.Locator("#anomalies tr[data-anomaly='face_mismatch']")).ToHaveCountAsync(1, Soon);
        await ChromiumBrowser.ScreenshotAsync(page, "6-face-check");
    }

    [Fact]
    public async Task The_live_counters_follow_new_reports_without_a_reload()
    {
        var page = await LogInAsync();

        // Past the active window, no earlier test's learner counts any more.
        system.Clock.Advance(TimeSpan.FromMinutes(3));
        await Expect(page.Locator("#active-learners")).ToHaveTextAsync("0", new() { Timeout = 10_000 });

        var platforms = await Platforms.ProvisionAsync(system);
        foreach (var learner in new[] { await Learner.EnrolAsync(system, platforms: platforms), await Learner.EnrolAsync(system, platforms: platforms) })
        {
            await learner.StartAsync();
            system.Clock.Advance(TimeSpan.FromSeconds(5));
            EnvelopeAssert.Code("0", await learner.ReportAsync(5, 5));
        }

        await Expect(page.Locator("#active-learners")).ToHaveTextAsync("2", new() { Timeout = 10_000 });
        await Expect(page.Locator("#reports-per-second")).ToHaveTextAsync("0.2", new() { Timeout = 10_000 });
        await ChromiumBrowser.ScreenshotAsync(page, "5-live");
    }

    [Fact]
    public async Task The_first_wrong_password_is_refused_with_a_message_the_operator_sees_and_shows_nothing()
    {
        await system.SignInAsync("supervisor", "administrator");
        var page = await chromium.OpenAsync(system);
        await page.GotoAsync("/console#/classes");
        await Expect(page.Locator("#account")).ToHaveAttributeAsync("autocomplete", "username");
        await Expect(page.Locator("#password")).ToHaveAttributeAsync("autocomplete", "current-password");
        await page.FillAsync("#account", "supervisor");
        await page.FillAsync("#password", "not the password at all");
        await page.ClickAsync("#login button[type=submit]");

        await Expect(page.Locator("#error")).ToBeVisibleAsync();
        await Expect(page.Locator("#error")).ToContainTextAsync("Login refused (1106)");
        await Expect(page.Locator("#login")).ToBeVisibleAsync();
        await Expect(page.Locator("#classes")).ToHaveCountAsync(0);
        await ChromiumBrowser.ScreenshotAsync(page, "0-login-refused");
    }

    private Task<IPage> LogInAsync() => chromium.LogInAsync(system, "supervisor");

    private async Task<long> StudyRecordSecondsAsync(Learner learner)
    {
        var study = await system.PostEnvelopeAsync("/api/class/v1/classStudentStudy", new { classCode = learner.ClassCode }, learner.Platforms.BusinessToken);
        EnvelopeAssert.Code("0", study);
        return study["returnData"]!.AsArray()
            .Where(r => (string?)r!["userCode"] == learner.StudentUserCode)
            .Sum(r => long.Parse((string)r!["playTime"]!));
    }
}
