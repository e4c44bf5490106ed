using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Supervision.Tests.Infrastructure;

/// <summary>A real HTTP server on loopback that serves photos, as a platform's image host would; it counts what it was asked for.</summary>
public sealed class PhotoServer : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, byte[]> photos = new();
    private readonly ConcurrentDictionary<string, int> requests = new();
    private readonly ConcurrentDictionary<string, TimeSpan> delays = new();
    private WebApplication? app;
    private string baseUrl = "";

    public async Task InitializeAsync()
    {
        var builder = LoopbackServer.CreateBuilder();
        app = builder.Build();
        app.MapGet("/photos/{name}", async (string name) =>
        {
            requests.AddOrUpdate(name, 1, (_, n) => n + 1);
            if (delays.TryGetValue(name, out var delay))
            {
                await Task.Delay(delay);
            }

            return photos.TryGetValue(name, out var photo)
                ? Results.File(photo, photo is [0xFF, ..] ? "image/jpeg" : "image/png")
                : Results.NotFound();
        });
        await app.StartAsync();
        baseUrl = app.Address();
    }

    /// <summary>Serves <paramref name="photo"/> under a fresh URL.</summary>
    public string Publish(byte[] photo)
    {
        var name = Guid.NewGuid().ToString("N") + (photo is [0xFF, ..] ? ".jpg" : ".png");
        photos[name] = photo;
        return $"{baseUrl}/photos/{name}";
    }

    /// <summary>Where <see cref="PublishAs"/> serves its photos: this URL, a slash and the name.</summary>
    public string Folder => $"{baseUrl}/photos";

    /// <summary>Serves <paramref name="photo"/> under <paramref name="name"/>, as a host of named files would.</summary>
    public void PublishAs(string name, byte[] photo) => photos[name] = photo;

    /// <summary>Serves <paramref name="bytes"/> from now on under <paramref name="url"/>, labelled as a picture whatever they are, as a hostile host would.</summary>
    public void Replace(string url, byte[] bytes) => photos[url[(url.LastIndexOf('/') + 1)..]] = bytes;

    /// <summary>Stops serving <paramref name="url"/> (404 from now on), as a host that deleted the file would.</summary>
    public void Withdraw(string url) => photos.TryRemove(url[(url.LastIndexOf('/') + 1)..], out _);

    /// <summary>Answers <paramref name="url"/> only after <paramref name="delay"/>, as an overloaded host would.</summary>
    public void Delay(string url, TimeSpan delay) => delays[url[(url.LastIndexOf('/') + 1)..]] = delay;

    public int RequestsFor(string url) => requests.GetValueOrDefault(url[(url.LastIndexOf('/') + 1)..]);

    public async Task DisposeAsync()
    {
        if (app is not null)
            await app.DisposeAsync();
    }
}
