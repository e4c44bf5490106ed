using System.Net;
using System.Text.Json.Nodes;
using Supervision.Contracts.Classes;
using Supervision.Contracts.Students;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Intake;

/// <summary>
/// The bounds on a business platform's bulk intake (2.3 arrays, 2.4 rosters), on a system whose limits are low
/// enough to reach: at most 3 people a request, 5 a minute per platform.
/// </summary>
public sealed class IntakeBoundsTests(IntakeBoundsTests.LowLimits fixture) : IClassFixture<IntakeBoundsTests.LowLimits>
{
    private const string StudentInfo = "/api/user/v1/studentInfo";
    private const string PushClass = "/api/class/v1/pushClassInfo";
    private SupervisionCluster System => fixture.System;

    [Fact]
    public async Task A_2_3_array_over_the_maximum_is_refused_whole_with_1003_naming_data_and_the_limit_and_costs_no_rate()
    {
        var platforms = await Platforms.ProvisionAsync(System);
        var cards = Cards(4);

        var refused = await System.PostEnvelopeAsync(StudentInfo, Students(platforms, cards), platforms.BusinessToken);

        EnvelopeAssert.Code("1003", refused);
        EnvelopeAssert.Names("data: 4 people in one request; at most 3", refused);
        Assert.Empty(await RegisteredAsync(cards));

        // The refusal took nothing from the platform's five a minute: three and two more still pass.
        EnvelopeAssert.Code("0", await System.PostEnvelopeAsync(StudentInfo, Students(platforms, cards[..3]), platforms.BusinessToken));
        EnvelopeAssert.Code("0", await System.PostEnvelopeAsync(StudentInfo, Students(platforms, Cards(2)), platforms.BusinessToken));
        Assert.Equal(3, (await RegisteredAsync(cards)).Count);
    }

    [Fact]
    public async Task A_2_4_roster_over_the_maximum_is_refused_whole_with_1003_naming_the_roster_and_the_limit()
    {
        var platforms = await Platforms.ProvisionAsync(System);
        var classCode = TestIds.Code();
        var cards = Cards(4);

        var refused = await System.PostEnvelopeAsync(PushClass, Class(platforms, classCode, cards), platforms.BusinessToken);

        EnvelopeAssert.Code("1003", refused);
        EnvelopeAssert.Names("thirdClassStudentInfoVoList: 4 people in one request; at most 3", refused);
        Assert.Null(await System.Grains.GetGrain<IClassGrain>(classCode).Describe());
        Assert.Empty(await RegisteredAsync(cards));
    }

    [Fact]
    public async Task A_platform_past_its_people_a_minute_is_refused_1107_until_its_bucket_refills_and_other_platforms_are_not()
    {
        var platforms = await Platforms.ProvisionAsync(System);
        var other = await Platforms.ProvisionAsync(System);
        var classCode = TestIds.Code();
        var roster = Cards(3);
        EnvelopeAssert.Code("0", await System.PostEnvelopeAsync(StudentInfo, Students(platforms, Cards(3)), platforms.BusinessToken));

        var (status, refused) = await System.PostEnvelopeForStatusAsync(PushClass, Class(platforms, classCode, roster), platforms.BusinessToken);
        var otherPlatform = await System.PostEnvelopeAsync(StudentInfo, Students(other, Cards(3)), other.BusinessToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        EnvelopeAssert.Code("1107", refused);
        EnvelopeAssert.Names("at most 5 people a minute; 2 can be registered now, 3 in 12 s", refused);
        Assert.Null(await System.Grains.GetGrain<IClassGrain>(classCode).Describe());
        Assert.Empty(await RegisteredAsync(roster));
        EnvelopeAssert.Code("0", otherPlatform);

        System.Clock.Advance(TimeSpan.FromSeconds(12));

        EnvelopeAssert.Code("0", await System.PostEnvelopeAsync(PushClass, Class(platforms, classCode, roster), platforms.BusinessToken));
        Assert.Equal(3, (await RegisteredAsync(roster)).Count);
    }

    private static string[] Cards(int count) => Enumerable.Range(0, count).Select(_ => TestIds.IdNumber()).ToArray();

    private static object[] Students(Platforms platforms, IEnumerable<string> cards) => cards
        .Select(card => (object)new { studyPlatformApiUrl = platforms.LearningUrl, stuCode = TestIds.Code("s"), stuName = "张丽", stuCard = card, mobile = "13800000000" })
        .ToArray();

    private static object Class(Platforms platforms, string classCode, IEnumerable<string> cards) =>
        platforms.ClassBody(classCode, cards.Select(card => (card, TestIds.Code("s"), "王芳")).ToArray());

    private async Task<List<StudentView>> RegisteredAsync(IEnumerable<string> cards)
    {
        var views = await Task.WhenAll(cards.Select(card => System.Grains.GetGrain<IStudentGrain>(System.PersonKeys.Of(card)).Describe()));
        return views.OfType<StudentView>().ToList();
    }

    [Fact]
    public async Task A_platform_past_its_classes_is_refused_1311_with_nothing_stored_while_its_own_classes_still_update()
    {
        var platforms = await Platforms.ProvisionAsync(System);
        var other = await Platforms.ProvisionAsync(System);
        var first = TestIds.Code();
        EnvelopeAssert.Code("0", await System.PostEnvelopeAsync(PushClass, Class(platforms, first, Cards(1)), platforms.BusinessToken));
        EnvelopeAssert.Code("0", await System.PostEnvelopeAsync(PushClass, Class(platforms, TestIds.Code(), Cards(1)), platforms.BusinessToken));
        var third = TestIds.Code();
        var cards = Cards(1);

        var refused = await System.PostEnvelopeAsync(PushClass, Class(platforms, third, cards), platforms.BusinessToken);

        EnvelopeAssert.Code("1311", refused);
        EnvelopeAssert.Names("classCode", refused);
        Assert.Equal(0, await Ledger.CountAsync(System, "SELECT count(*) FROM class_directory WHERE class_code = @c", ("c", third)));
        Assert.Empty(await RegisteredAsync(cards));
        EnvelopeAssert.Code("0", await System.PostEnvelopeAsync(PushClass, Class(platforms, first, Cards(1)), platforms.BusinessToken));
        EnvelopeAssert.Code("0", await System.PostEnvelopeAsync(PushClass, Class(other, TestIds.Code(), Cards(1)), other.BusinessToken));
    }

    public sealed class LowLimits : IAsyncLifetime
    {
        public SupervisionCluster System { get; } = new()
        {
            Silos = 1,
            SiloSettings = new()
            {
                ["Supervision:Intake:MaxPeoplePerRequest"] = "3",
                ["Supervision:Intake:PeoplePerMinutePerPlatform"] = "5",
            },
            FrontSettings = new() { ["Supervision:Front:ClassesPerBusinessPlatform"] = "2" },
        };

        public Task InitializeAsync() => System.InitializeAsync();

        public Task DisposeAsync() => System.DisposeAsync();
    }
}
