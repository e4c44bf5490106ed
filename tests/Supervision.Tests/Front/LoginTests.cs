using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Front;

[Collection(ClusterCollection.Name)]
public sealed class LoginTests(SupervisionCluster system)
{
    [Fact]
    public async Task Login_answers_a_token_with_the_platform_code_and_name()
    {
        var code = TestIds.Code("lp");
        await Platforms.RegisterAsync(system, code, "learning", $"http://{code}.example.test");

        var answer = await system.PostEnvelopeAsync("/api/v1/thlogin", new { studyPlatformAcount = code + "-account", passWord = "correct horse battery" });

        EnvelopeAssert.Code("0", answer);
        Assert.Equal(code, (string?)answer["returnData"]!["studyPlatformCode"]);
        Assert.Equal($"Platform {code}", (string?)answer["returnData"]!["studyPlatformName"]);
        Assert.False(string.IsNullOrEmpty((string?)answer["returnData"]!["acceptToken"]));
    }

    [Fact]
    public async Task A_wrong_password_or_an_unknown_account_is_refused_alike()
    {
        var code = TestIds.Code("lp");
        await Platforms.RegisterAsync(system, code, "learning", $"http://{code}.example.test");

        var wrongPassword = await system.PostEnvelopeAsync("/api/v1/thlogin", new { studyPlatformAcount = code + "-account", passWord = "wrong password" });
        var unknownAccount = await system.PostEnvelopeAsync("/api/v1/thlogin", new { studyPlatformAcount = "nobody", passWord = "correct horse battery" });

        EnvelopeAssert.Code("1106", wrongPassword);
        EnvelopeAssert.Code("1106", unknownAccount);
        Assert.Null(wrongPassword["returnData"]);
        Assert.Equal((string?)wrongPassword["returnMsg"], (string?)unknownAccount["returnMsg"]);
    }

    [Fact]
    public async Task A_missing_password_names_the_field()
    {
        var answer = await system.PostEnvelopeAsync("/api/v1/thlogin", new { studyPlatformAcount = "someone" });
        EnvelopeAssert.Code("1002", answer);
        EnvelopeAssert.Names("passWord", answer);
    }

    [Fact]
    public async Task A_token_is_refused_once_two_hours_have_passed()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var query = new { classCode = TestIds.Code() };

        system.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        EnvelopeAssert.Code("1201", await system.PostEnvelopeAsync("/api/class/v1/classStudentStudy", query, platforms.BusinessToken));

        system.Clock.Advance(TimeSpan.FromSeconds(1));
        EnvelopeAssert.Code("1103", await system.PostEnvelopeAsync("/api/class/v1/classStudentStudy", query, platforms.BusinessToken));
    }

    [Fact]
    public async Task Missing_forged_and_tampered_tokens_are_refused()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var query = new { classCode = TestIds.Code() };
        var tampered = platforms.BusinessToken[..^2] + (platforms.BusinessToken[^2] == 'A' ? "B" : "A") + platforms.BusinessToken[^1];

        EnvelopeAssert.Code("1101", await system.PostEnvelopeAsync("/api/class/v1/classStudentStudy", query));
        EnvelopeAssert.Code("1102", await system.PostEnvelopeAsync("/api/class/v1/classStudentStudy", query, "not-a-token"));
        EnvelopeAssert.Code("1102", await system.PostEnvelopeAsync("/api/class/v1/classStudentStudy", query, tampered));
    }

    [Fact]
    public async Task Each_role_is_kept_to_its_own_section()
    {
        var platforms = await Platforms.ProvisionAsync(system);

        var learningOnSection2 = await system.PostEnvelopeAsync("/api/class/v1/classStudentStudy", new { classCode = TestIds.Code() }, platforms.LearningToken);
        var businessOnSection1 = await system.PostEnvelopeAsync("/api/v1/thirdCoursePush", Array.Empty<object>(), platforms.BusinessToken);

        EnvelopeAssert.Code("1104", learningOnSection2);
        EnvelopeAssert.Code("1104", businessOnSection1);
    }

    [Fact]
    public async Task The_section_2_spelling_user_token_is_accepted()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var body = "{\"headers\":{\"user_token\":\"" + platforms.BusinessToken + "\"},\"data\":{\"classCode\":\"" + TestIds.Code() + "\"}}";

        EnvelopeAssert.Code("1201", await system.PostRawAsync("/api/class/v1/classStudentStudy", body));
    }
}
