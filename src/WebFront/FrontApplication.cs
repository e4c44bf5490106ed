using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Supervision.ClusterSecurity;
using Supervision.Contracts;
using Supervision.Database;
using Supervision.WebFront.Apis;
using Supervision.WebFront.Auth;
using Supervision.WebFront.Console;
using Supervision.WebFront.Envelope;
using Supervision.WebFront.OpenApi;

namespace Supervision.WebFront;

/// <summary>Builds the front: an ASP.NET Core app whose only state is its Orleans client connection.</summary>
public static class FrontApplication
{
    private static readonly string AdminKeyTooShort =
        $"SUPERVISION_ADMIN_KEY (Supervision:Front:AdminKey) is shorter than {FrontOptions.MinAdminKeyLength} characters, short enough to guess: "
        + "set a longer one (for example `head -c 24 /dev/urandom | base64`), or leave it unset and create the first administrator from the command line.";

    /// <param name="hostCluster">
    /// Hosts a silo in the front's own process (the single-process server) instead of connecting to the cluster's
    /// gateways as a client: the handlers call grains through the same <c>IClusterClient</c> either way.
    /// </param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null, Action<WebApplicationBuilder>? hostCluster = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        configure?.Invoke(builder);
        builder.WebHost.UseUrls(Urls(builder.Configuration));
        // A request's processing starts on the thread that read its bytes, and its answer is sent on the thread that wrote
        // it, instead of each being handed to the thread pool as a work item of its own: about one work item a studyHour
        // less (issue 24, docs/benchmarks.md). The socket completions themselves still run on the thread pool, never on
        // the socket engine's thread, so a slow handler holds only its own connection.
        builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = true);

        // ASP.NET Core's request lines carry paths such as /admin/students/{cardNo}: an ID number must not reach the logs.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.QuietLibraries(builder.Configuration);

        var connectionString = DatabaseConnection.Tune(builder.Configuration["SUPERVISION_DB"] ?? builder.Configuration.GetConnectionString("Supervision")
            ?? throw new InvalidOperationException("No database: set SUPERVISION_DB to a PostgreSQL connection string."));

        builder.Services.AddOptions<FrontOptions>().Bind(builder.Configuration.GetSection(FrontOptions.Section)).Configure(o =>
        {
            o.AdminKey ??= builder.Configuration["SUPERVISION_ADMIN_KEY"];
            o.TokenKey ??= builder.Configuration["SUPERVISION_TOKEN_KEY"];
            o.KeepAdminKey |= builder.Configuration.GetValue<bool>("SUPERVISION_KEEP_ADMIN_KEY");
        })
            .Validate(o => string.IsNullOrEmpty(o.AdminKey) || o.AdminKey.Length >= FrontOptions.MinAdminKeyLength, AdminKeyTooShort)
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<FrontOptions>>().Value);
        builder.Services.AddSupervisionClock(builder.Configuration);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton<TokenSigningKey>();
        builder.Services.AddSingleton<PersonKeySource>();
        builder.Services.AddSingleton<BizCodeKey>();
        builder.Services.AddSingleton<AdminKeyGuessLimit>();
        builder.Services.AllowDatabaseFaults();

        // Typed query values are read by their declarations (Declarations.IQueryDeclaration); whatever else ASP.NET Core
        // cannot bind reaches FaultAnswer, and is answered with the envelope instead of an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddSingleton<CredentialVersions>();
        builder.Services.AddHostedService<CredentialLeaseRenewal>();
        builder.Services.AddSingleton<AccessTokens>();
        builder.Services.AddSingleton<OperatorSessions>();
        builder.Services.AddSingleton<OperatorLogin>();
        builder.Services.AddSingleton<Keys.StoredKeys>();
        builder.Services.AddSingleton<EnvelopeReader>();
        builder.Services.AddFrontTelemetry(builder.Configuration);
        builder.Services.AddSingleton<ClusterHealthCheck>();
        builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
        var trustedProxies = builder.Configuration[TrustedProxies.Setting];
        if (!string.IsNullOrWhiteSpace(trustedProxies))
        {
            builder.Services.Configure<ForwardedHeadersOptions>(o => TrustedProxies.Configure(o, trustedProxies));
        }

        builder.Services.AddApiDocumentation();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<FrontOptions>(AbuseLimits.Configure);

        if (hostCluster is null)
        {
            ConnectToCluster(builder, connectionString);
        }
        else
        {
            hostCluster(builder);
        }

        var app = builder.Build();
        if (!string.IsNullOrWhiteSpace(trustedProxies))
        {
            app.UseForwardedHeaders();
        }

        app.UseNoSniff();
        app.UseExceptionHandler(FaultAnswer.Options);
        app.UseRateLimiter();
        app.UseMiddleware<OperatorCheck>();
        app.UseConsole();
        app.UseReferencePagePolicy();
        app.MapApiDocumentation();
        app.MapPrometheusScrapingEndpoint("/metrics");

        app.MapHealthApi();
        app.MapLoginApi();
        app.MapLearningPlatformApi();
        app.MapVerificationImageApi();
        app.MapBusinessPlatformApi();
        app.MapOperatorApi();
        app.MapAdminApi();
        app.MapSupervisorApi();
        app.MapEvidenceExportApi();
        app.MapDeliveryApi();
        app.MapFaceReviewApi();
        app.MapFlagApi();
        app.MapChartsApi();
        app.MapRiskApi();
        return app;
    }

    /// <summary>Where the front listens: SUPERVISION_URLS, separated by semicolons.</summary>
    public static string[] Urls(IConfiguration configuration) =>
        (configuration["SUPERVISION_URLS"] ?? "http://127.0.0.1:5080").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void ConnectToCluster(WebApplicationBuilder builder, string connectionString) =>
        builder.UseOrleansClient(client => ConfigureClusterClient(client, builder.Configuration, connectionString));

    /// <summary>
    /// A client of the cluster as the front is one: its clustering table, call timeouts and TLS. The command line's
    /// operator commands connect the same way.
    /// </summary>
    public static void ConfigureClusterClient(IClientBuilder client, IConfiguration configuration, string connectionString)
    {
        var tls = ClusterTlsSettings.From(configuration);
        client
            .Configure<ClusterOptions>(o =>
            {
                o.ClusterId = configuration["SUPERVISION_CLUSTER_ID"] ?? "supervision";
                o.ServiceId = "supervision";
            })
            .UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            })
            .UseConnectionRetryFilter<ClusterConnectionRetry>()

            // A call to a silo that just died is abandoned after 5 s (not 30) and the client hears of new or dead
            // gateways within 5 s, so a platform's retry finds the survivors quickly.
            .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5))
            .Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        if (FrontTelemetry.ExportsTraces(configuration))
        {
            client.AddActivityPropagation();
        }

        if (tls is not null)
        {
            client.UseClusterTls(tls);
        }
    }
}
