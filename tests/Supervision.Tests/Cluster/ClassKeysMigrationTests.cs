using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Supervision.Grains.Classes;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Cluster;

/// <summary>
/// A class stored before fronts looked keys up (720_class_keys.sql): its directory row has no platforms and its
/// roster no codes. The front lets such a class judge the request as before, so its learners lose nothing, and a
/// silo's start fills the platforms and codes in from the class's stored state, after which a guessed student of it
/// is refused at the front. Its own system, because it runs the migration again.
/// </summary>
public sealed class ClassKeysMigrationTests : IAsyncLifetime
{
    private readonly SupervisionCluster system = new() { Silos = 1 };

    public Task InitializeAsync() => system.InitializeAsync();

    public Task DisposeAsync() => system.DisposeAsync();

    [Fact]
    public async Task A_class_stored_before_its_keys_were_listed_keeps_its_learners_and_is_listed_by_the_migration()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        await Ledger.ExecuteAsync(system, "UPDATE class_directory SET business_platform_code = NULL, learning_platform_code = NULL WHERE class_code = @c", ("c", learner.ClassCode));
        await Ledger.ExecuteAsync(system, "DELETE FROM class_roster_codes WHERE class_code = @c", ("c", learner.ClassCode));
        await Ledger.ExecuteAsync(system, "DELETE FROM supervision_schema_migrations WHERE name = @n", ("n", ClassKeysMigration.Name));

        EnvelopeAssert.Code("0", await learner.StartAsync());
        Assert.All(await learner.PlayMinutesAsync(2), answer => Assert.Equal(60, Learner.Credited(answer)));

        var filled = await ((InProcessSiloHandle)system.Cluster.Silos[0]).ServiceProvider.GetRequiredService<ClassKeysMigration>().RunAsync();

        Assert.True(filled >= 1);
        Assert.Equal(1, await Ledger.CountAsync(system,
            "SELECT count(*) FROM class_directory WHERE class_code = @c AND business_platform_code = @b AND learning_platform_code = @l",
            ("c", learner.ClassCode), ("b", learner.Platforms.BusinessCode), ("l", learner.Platforms.LearningCode)));
        Assert.Equal(1, await Ledger.CountAsync(system,
            "SELECT count(*) FROM class_roster_codes WHERE class_code = @c AND student_user_code = @s", ("c", learner.ClassCode), ("s", learner.StudentUserCode)));
        var guessed = await system.PostEnvelopeAsync("/api/v1/studyHour", new
        {
            studyPlatformCode = learner.Platforms.LearningCode, classCode = learner.ClassCode, studentUserCode = TestIds.Code("s"),
            courseCode = learner.CourseCode, resCode = learner.FirstVideo, playTime = 60, progressTime = 60,
        }, learner.Platforms.LearningToken);
        EnvelopeAssert.Code("1202", guessed);
        Assert.Equal(60, Learner.Credited((await learner.PlayMinutesAsync(1, 120))[0]));
    }
}
