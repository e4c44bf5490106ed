using System.Diagnostics;
using Supervision.Contracts.Platforms;

namespace Supervision.WebFront.Auth;

/// <summary>
/// Keeps this front's credential lease: subscribes <see cref="CredentialVersions"/> with the cluster's
/// <see cref="ICredentialWatchGrain"/> and renews it every <see cref="CredentialLease.RenewEvery"/>. A renewal that
/// fails is tried again at the next beat; meanwhile the lease lapses and tokens are checked with the platform's grain.
/// </summary>
public sealed class CredentialLeaseRenewal(
    IClusterClient grains, CredentialVersions versions, IHostApplicationLifetime lifetime, ILogger<CredentialLeaseRenewal> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The cluster client is a hosted service too: ask nothing of it before the host has started it.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        using var beat = new PeriodicTimer(CredentialLease.RenewEvery);
        ICredentialObserver? front = null;
        do
        {
            try
            {
                front ??= grains.CreateObjectReference<ICredentialObserver>(versions);
                var sentAt = Stopwatch.GetTimestamp();
                await grains.GetGrain<ICredentialWatchGrain>(0).Subscribe(front).WaitAsync(CredentialLease.RenewEvery, stoppingToken);
                versions.LeaseRenewed(sentAt);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogDebug("Credential lease not renewed: {Reason}", e.Message);
            }
        }
        while (await beat.WaitForNextTickAsync(stoppingToken));
    }
}
