using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime.GrainDirectory;
using Orleans.Serialization;
using Orleans.Storage;
using Supervision.Contracts;
using Supervision.Contracts.Students;
using Supervision.Database;
using Supervision.Grains;
using Supervision.Grains.Classes;
using Supervision.Grains.Crowds;
using Supervision.Grains.Delivery;
using Supervision.Grains.Evidence;
using Supervision.Grains.Platforms;
using Supervision.Grains.Students;
using Supervision.Grains.Study;

namespace Supervision.Silo;

/// <summary>Everything a silo of this cluster needs, shared by the silo process and the tests' TestingHost.</summary>
public static class SiloConfiguration
{
    private const string Invariant = "Npgsql";

    public static ISiloBuilder AddSupervision(this ISiloBuilder silo, string connectionString, IConfiguration configuration)
    {
        var tuned = DatabaseConnection.Tune(connectionString);

        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = tuned;
        });
        // A dead silo must cost seconds, not the default minute: probe every 2 s and declare it dead after two
        // missed probes; one vote is enough, since a cluster of two has only one other silo to vote.
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(2);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        });
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
        // Orleans' LRU address cache, which also forgets a grain that deactivates here: a person's grain leaves
        // memory after each start and must not leave its address behind for minutes (docs/benchmarks.md, memory).
        silo.Configure<GrainDirectoryOptions>(o => o.CachingStrategy = GrainDirectoryOptions.CachingStrategyType.Custom);
        silo.Services.AddSingleton(sp => ForgetfulDirectoryCache.Over(sp, sp.GetRequiredService<IOptions<GrainDirectoryOptions>>().Value));
        silo.Services.AddSingleton<IGrainDirectoryCache>(sp => sp.GetRequiredService<ForgetfulDirectoryCache>());
        silo.AddAdoNetGrainStorage(StorageNames.Main, o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = tuned;
        });

        // Orleans' own binary format instead of the default Newtonsoft JSON with $type fields: smaller rows, cheaper writes.
        silo.Services.AddOptions<AdoNetGrainStorageOptions>(StorageNames.Main)
            .Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));

        silo.AddIncomingGrainCallFilter<StorageFaultFilter>();
        silo.Services.AllowDatabaseFaults();
        if (SiloTelemetry.ExportsTraces(configuration))
        {
            silo.AddActivityPropagation();
        }

        silo.Services.AddLogging(logging => logging.QuietLibraries(configuration));
        silo.Services.AddSupervisionClock(configuration);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, ReplayClockGuard>();
        silo.Services.AddSingleton(_ => NpgsqlDataSource.Create(tuned));
        silo.Services.AddSingleton(sp => new PersonKeys(ClusterSettings.LoadOrCreatePersonKeySecret(sp.GetRequiredService<NpgsqlDataSource>())));
        silo.Services.AddSingleton<PersonKeyMigration>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<PersonKeyMigration>());
        silo.Services.AddSingleton<LegacyIdNumberMigration>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<LegacyIdNumberMigration>());
        silo.Services.AddSingleton<ClassKeysMigration>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<ClassKeysMigration>());
        silo.Services.AddSingleton<RosterPeopleMigration>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<RosterPeopleMigration>());
        silo.Services.AddSingleton<BizCodeKey>();
        silo.Services.AddSingleton<SupervisionMetrics>();
        silo.Services.AddSingleton<EvidenceLedger>();
        silo.Services.AddSingleton<ClassDirectory>();
        silo.Services.AddSingleton<PlatformHoldings>();
        silo.Services.AddSingleton<LiveActivityReader>();
        silo.Services.AddSingleton<WindowCredit>();
        silo.Services.AddSingleton<CoincidenceReader>();
        silo.Services.AddOptions<CrowdOptions>().Bind(configuration.GetSection(CrowdOptions.Section))
            .Validate(o => o.IsValid, "Supervision:Crowds: Interval must not be negative, Lookback longer than a crowd's minimum span, AnswerLookback at least Lookback, Window above zero and under a second, MinCoincidences and MinPeople at least 2, MinAnswerCoincidences at least 1")
            .ValidateOnStart();
        silo.Services.AddSingleton<CrowdWatch>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<CrowdWatch>());
        silo.Services.AddOptions<EvidencePartitionOptions>().Bind(configuration.GetSection(EvidencePartitionOptions.Section))
            .Validate(o => o.IsValid, "Supervision:Evidence: PartitionMonthsAhead must be from 1 to 24")
            .ValidateOnStart();
        silo.Services.AddSingleton<EvidencePartitionKeeper>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<EvidencePartitionKeeper>());
        silo.Services.AddOptions<EvidenceSealOptions>().Bind(configuration.GetSection(EvidenceSealOptions.Section))
            .PostConfigure(o => o.SealKeyPath ??= configuration["SUPERVISION_SEAL_KEY"] ?? "evidence-seal-key.pem")
            .Validate(o => o.IsValid, "Supervision:Evidence: SealGrace must be from 0 to 12 hours and SealInterval above zero")
            .ValidateOnStart();
        silo.Services.AddSingleton(sp => SealKey.LoadOrCreate(sp.GetRequiredService<IOptions<EvidenceSealOptions>>().Value.SealKeyPath!));
        silo.Services.AddSingleton<EvidenceSealer>();
        silo.Services.AddSingleton<EvidenceExport>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<EvidenceSealer>());
        silo.Services.AddSingleton<GrainStates>();
        silo.Services.AddSingleton<StudyReportJournal>();
        silo.Services.AddSingleton<CommittedCredit>();
        silo.Services.AddSingleton<LedgeredStates>();
        silo.Services.AddOptions<IntakeOptions>().Bind(configuration.GetSection(IntakeOptions.Section))
            .Validate(o => o.IsValid, "Supervision:Intake: MaxPeoplePerRequest must be at least 1, PeoplePerMinutePerPlatform and PeoplePerBusinessPlatform at least MaxPeoplePerRequest (or no maximal request could ever pass), TeachersPerBusinessPlatform and CoursesPerPlatform at least 1")
            .ValidateOnStart();
        silo.Services.AddOptions<StudyOptions>().Bind(configuration.GetSection(StudyOptions.Section));
        silo.Services.AddFaceChecks(configuration);
        silo.Services.AddPlatformDelivery(configuration);
        return silo;
    }
}
