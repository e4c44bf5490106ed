using System.Net;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Front;

[Collection(ClusterCollection.Name)]
public sealed class EnvelopeTests(SupervisionCluster system)
{
    [Theory]
    [InlineData("{not json", "1001")]
    [InlineData("[1,2,3]", "1001")]
    [InlineData("\"text\"", "1001")]
    [InlineData("", "1001")]
    [InlineData("{\"headers\":{}}", "1002")]
    [InlineData("{\"headers\":\"x\",\"data\":{}}", "1001")]
    [InlineData("{\"headers\":{},\"data\":[]}", "1003")]
    public async Task A_malformed_envelope_answers_its_code(string body, string code) =>
        EnvelopeAssert.Code(code, await system.PostRawAsync("/api/v1/thlogin", body));

    [Fact]
    public async Task A_form_body_is_not_an_envelope() =>
        EnvelopeAssert.Code("1005", await system.PostRawAsync("/api/v1/thlogin", "a=b", "application/x-www-form-urlencoded"));

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_a_code()
    {
        var huge = "{\"headers\":{},\"data\":{\"studyPlatformAcount\":\"" + new string('a', 5 * 1024 * 1024) + "\"}}";
        var answer = await system.PostRawAsync("/api/v1/thlogin", huge);
        EnvelopeAssert.Code("1004", answer);
    }

    [Fact]
    public async Task A_body_just_under_the_limit_with_a_photo_sized_field_is_read()
    {
        // A 2 MB photo in base64 is about 2.7 MB: the envelope must get through to field validation.
        var photo = new string('A', 2_800_000);
        var answer = await system.PostRawAsync("/api/v1/thlogin", "{\"headers\":{},\"data\":{\"studyPlatformAcount\":\"x\",\"passWord\":\"" + photo + "\"}}");
        EnvelopeAssert.Code("1003", answer);
        EnvelopeAssert.Names("passWord", answer);
    }

    [Fact]
    public async Task A_number_that_is_not_a_number_names_its_field()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var answer = await system.PostEnvelopeAsync("/api/v1/thirdCoursePush", new[]
        {
            new { studyPlatformCode = platforms.LearningCode, courseCode = TestIds.Code(), courseName = "x", courseStatus = "abc" },
        }, platforms.LearningToken);

        EnvelopeAssert.Code("1003", answer);
        EnvelopeAssert.Names("data[0].courseStatus", answer);
    }

    [Fact]
    public async Task Another_platforms_code_in_studyPlatformCode_is_refused()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var other = await Platforms.ProvisionAsync(system);
        var courseCode = TestIds.Code();

        var answer = await system.PostEnvelopeAsync("/api/v1/thirdCoursePush", new[]
        {
            new { studyPlatformCode = other.LearningCode, courseCode, courseName = "x", courseStatus = 0 },
        }, platforms.LearningToken);

        EnvelopeAssert.Code("1105", answer);
        Assert.Null(await system.Grains.GetGrain<Supervision.Contracts.Courses.ICourseGrain>(courseCode).Describe());
    }

    [Fact]
    public async Task The_front_serves_its_metrics_for_Prometheus()
    {
        await system.Http.GetAsync("/health");
        using var response = await system.Http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("http_server_request_duration_seconds", text);
    }

    [Fact]
    public async Task Health_is_ok_when_front_silo_and_database_answer()
    {
        using var response = await system.Http.GetAsync("/health");
        using var live = await system.Http.GetAsync("/health/live");
        using var ready = await system.Http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("silo and database answer", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Chinese_text_in_an_answer_is_written_as_itself_not_as_escapes()
    {
        var learner = await Learner.EnrolAsync(system);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/admin/classes/{learner.ClassCode}");
        await system.AuthorizeAsync(request);

        using var response = await system.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("家政服务培训 5 班", body);
        Assert.DoesNotContain("\\u5BB6", body, StringComparison.OrdinalIgnoreCase);
    }
}
