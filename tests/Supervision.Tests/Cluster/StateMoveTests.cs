using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;
using Supervision.Contracts.Checks;
using Supervision.Contracts.Classes;
using Supervision.Contracts.Platforms;
using Supervision.Contracts.Students;
using Supervision.Contracts.Teachers;
using Supervision.Database;
using Supervision.Grains;
using Supervision.Grains.Checks;
using Supervision.Grains.Classes;
using Supervision.Grains.Platforms;
using Supervision.Grains.Students;
using Supervision.Grains.Teachers;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Cluster;

/// <summary>
/// A database upgraded from a release that kept grains' states in Orleans' grain storage keeps them: the migration
/// moves students and challenges to grain_state under the key their grain reads, and every other grain moves its own
/// on its first activation; a person's one record of that release becomes the record of the platform that registered them.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StateMoveTests(SupervisionCluster system)
{
    private const string Migration = "510_grain_state_from_orleans.sql";

    [Fact]
    public async Task A_student_a_challenge_and_a_class_with_a_numeric_code_stored_by_Orleans_are_read_by_their_grains_after_the_upgrade()
    {
        var cardNo = UnusedIdNumber();
        var studentKey = system.PersonKeys.Of(cardNo);
        var bizCode = Guid.NewGuid().ToString("N");
        var now = system.Clock.GetUtcNow();
        var ticket = new ChallengeTicket(CheckKind.Code, TestIds.Code(), TestIds.Code("s"), cardNo, TestIds.Code("r"), Guid.NewGuid(), TestIds.Code("lp"), now, now.AddMinutes(5), "4821");
        var storage = ((InProcessSiloHandle)system.Cluster.Silos[0]).ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);
        await storage.WriteStateAsync("student", GrainId.Create("student", studentKey), new GrainState<StudentState>(new StudentState { CardNo = cardNo, EarlierName = "张丽", EarlierBusinessPlatformCodes = ["bp-earlier"] }));
        await storage.WriteStateAsync("challenge", GrainId.Create("challenge", bizCode), new GrainState<ChallengeState>(new ChallengeState { Ticket = ticket }));
        var classCode = "2024" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await storage.WriteStateAsync("class", GrainId.Create("class", classCode), new GrainState<ClassState>(new ClassState { TrainClassName = "电工四级", BusinessPlatformCode = "bp-earlier" }));

        await RunMigrationAgainAsync();

        var student = await system.Grains.GetGrain<IStudentGrain>(studentKey).Describe();
        var code = await system.Grains.GetGrain<IChallengeGrain>(bizCode).CodeToShow();
        var moved = await system.Grains.GetGrain<IClassGrain>(classCode).Describe();
        Assert.Equal("张丽", student?.Name);
        Assert.Equal(["bp-earlier"], student?.BusinessPlatformCodes);
        Assert.Equal("电工四级", moved?.TrainClassName);
        Assert.Equal("4821", code.Data);
        Assert.Equal(0, await Ledger.CountAsync(system, "SELECT count(*) FROM orleans_grain_state WHERE grain_type IN ('student', 'challenge', 'class') AND payload IS NOT NULL"));
    }

    /// <summary>
    /// Platforms, teachers and courses move on their first activation, under the key the grain knows: a code that
    /// reads as hex ("BEEF…") is one Orleans stored as a number, which no script could turn back into its text.
    /// </summary>
    [Fact]
    public async Task A_platform_a_teacher_and_a_course_stored_by_Orleans_move_to_the_ledger_when_their_grains_first_activate()
    {
        var platformCode = "BEEF" + Random.Shared.Next(0x1000, 0xFFFF).ToString("X", System.Globalization.CultureInfo.InvariantCulture);
        var teacherCode = TestIds.Code("t");
        var storage = ((InProcessSiloHandle)system.Cluster.Silos[0]).ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);
        await storage.WriteStateAsync("platform", GrainId.Create("platform", platformCode),
            new GrainState<PlatformState>(new PlatformState { Name = "早期平台", Role = PlatformRole.Business, Account = platformCode + "-account", CredentialVersion = 3 }));
        var registration = new TeacherRegistration(teacherCode, "王老师", null, null, "ORG01", "T-CARD", "13800000000", null, "https://learning.example.test/api");
        await storage.WriteStateAsync("teacher", GrainId.Create("teacher", teacherCode),
            new GrainState<TeacherState>(new TeacherState { Registration = registration, BusinessPlatformCode = platformCode }));

        var platform = await system.Grains.GetGrain<IPlatformGrain>(platformCode).Describe();
        var teacher = await system.Grains.GetGrain<ITeacherGrain>(teacherCode).Describe();

        Assert.Equal("早期平台", platform?.Name);
        Assert.Equal(3, await system.Grains.GetGrain<IPlatformGrain>(platformCode).CredentialVersion());
        Assert.Equal(registration, teacher);
        Assert.Equal(2, await Ledger.CountAsync(system,
            $"SELECT count(*) FROM grain_state WHERE (kind, key) IN (('platform', '{platformCode}'), ('teacher', '{teacherCode}'))"));
        var earlier = new GrainState<PlatformState>();
        await storage.ReadStateAsync("platform", GrainId.Create("platform", platformCode), earlier);
        Assert.False(earlier.RecordExists);
    }

    /// <summary>The migration ran when the system started; it runs again here over the rows written since, as it would over an old database.</summary>
    private async Task RunMigrationAgainAsync()
    {
        await using var stream = typeof(SchemaMigrator).Assembly.GetManifestResourceStream("Supervision.Database.Sql." + Migration)!;
        using var reader = new StreamReader(stream);
        await using var connection = new NpgsqlConnection(system.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(await reader.ReadToEndAsync(), connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>An ID number no other test uses (theirs are born in 1990), so its student grain is not already active.</summary>
    private static string UnusedIdNumber()
    {
        const string body = "44010119850505001";
        return body + TestIds.CheckCharacter(body);
    }
}
