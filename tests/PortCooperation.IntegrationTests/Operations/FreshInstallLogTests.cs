using PortCooperation.IntegrationTests.Infrastructure;

namespace PortCooperation.IntegrationTests.Operations;

/// <summary>
/// The first start of a fresh install, as an operator runs it (Production, an empty data folder, SQLite, demo data):
/// no warning but the one telling how to create the first staff account, since a warning the operator cannot act on
/// teaches them to ignore warnings. What the operator may still want to do (encrypting the key ring) is one
/// Information line.
/// </summary>
public sealed class FreshInstallLogTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "portal-tests", "fresh-" + Guid.NewGuid().ToString("N")[..12]);

    public FreshInstallLogTests() => Directory.CreateDirectory(_dataDirectory);

    [Fact]
    public async Task FirstStart_AndAFirstLookAround_LogNoWarning_AndSayHowToEncryptTheKeys()
    {
        // The published app has its wwwroot beside it; the test's build output does not.
        var webRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "PortCooperation.Web", "wwwroot"));
        await using (var portal = RunningPortal.Start(_dataDirectory, new Dictionary<string, string> { ["ASPNETCORE_WEBROOT"] = webRoot }))
        {
            await portal.WaitUntilReadyAsync(TimeSpan.FromMinutes(3));
            using var client = new HttpClient { BaseAddress = portal.BaseAddress, Timeout = TimeSpan.FromMinutes(1) };
            foreach (var path in new[]
            {
                "/", "/activities", "/activities/webinar-smart-ports-new-technologies-2020", "/member-states", "/member-states/pe",
                "/member-states/cl?culture=es", "/statistics/participation", "/library", "/?culture=es",
            })
            {
                using var response = await client.GetAsync(path);
                ((int)response.StatusCode).ShouldBe(200, path);
            }

            await portal.SendSigtermAsync();
            (await portal.WaitForExitAsync(TimeSpan.FromMinutes(1))).ShouldBe(0, portal.Output);

            // The one warning a fresh install has is one the operator acts on at once: creating the first account.
            var lines = portal.Output.Split('\n');
            lines.Where(l => (l.Contains(" WRN]", StringComparison.Ordinal) && !l.Contains("create-admin", StringComparison.Ordinal))
                    || l.Contains(" ERR]", StringComparison.Ordinal) || l.Contains(" FTL]", StringComparison.Ordinal))
                .ShouldBeEmpty(portal.Output);
            lines.Count(l => l.Contains(" INF]", StringComparison.Ordinal) && l.Contains("DataProtection:CertificatePath", StringComparison.Ordinal))
                .ShouldBe(1, portal.Output);
        }

        LogPrivacyTests.ReadLogs(_dataDirectory).Split('\n').ShouldNotContain(l =>
            (l.Contains("[WRN]", StringComparison.Ordinal) && !l.Contains("create-admin", StringComparison.Ordinal)) || l.Contains("[ERR]", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a process that is going away; the temp folder is cleaned elsewhere.
        }
    }
}
