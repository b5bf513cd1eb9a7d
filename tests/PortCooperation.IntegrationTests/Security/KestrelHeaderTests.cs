using PortCooperation.IntegrationTests.Infrastructure;

namespace PortCooperation.IntegrationTests.Security;

/// <summary>
/// Only the real server shows its own headers (the in-process test host has no Kestrel): the built app, started as
/// in production, does not name its web server to whoever asks.
/// </summary>
public sealed class KestrelHeaderTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "portal-tests", "process-" + Guid.NewGuid().ToString("N")[..12]);

    public KestrelHeaderTests() => Directory.CreateDirectory(_dataDirectory);

    [Fact]
    public async Task TheRunningPortal_SendsNoServerHeader()
    {
        await using var portal = RunningPortal.Start(_dataDirectory, new Dictionary<string, string>
        {
            ["Database__SeedDemoData"] = "false",
            ["Security__AllowInsecureCookies"] = "true",
        });
        await portal.WaitUntilReadyAsync(TimeSpan.FromMinutes(3));

        using var client = new HttpClient { BaseAddress = portal.BaseAddress };
        foreach (var path in new[] { "/", "/no-such-page", "/health/ready" })
        {
            using var response = await client.GetAsync(path);
            response.Headers.Contains("Server").ShouldBeFalse($"{path} answered with a Server header: {string.Join(", ", response.Headers.Server)}");
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the exiting process; the temp folder is cleaned by the OS.
        }
    }
}
