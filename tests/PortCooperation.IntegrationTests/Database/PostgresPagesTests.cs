using System.Net;
using PortCooperation.IntegrationTests.Infrastructure;

namespace PortCooperation.IntegrationTests.Database;

/// <summary>
/// The same app started with the PostgreSQL settings serves the same pages: the seeded portal on a fresh
/// PostgreSQL database answers every public section, its feeds and the sitemap, in both languages.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPagesTests(PostgresCluster cluster)
{
    [PostgresFact]
    public async Task SeededPortal_OnPostgres_ServesEveryPublicSection()
    {
        using var factory = new PortalFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Portal"] = await cluster.CreateDatabaseAsync(),
        });
        var client = factory.CreateClient();
        string[] pages =
        [
            "/", "/?culture=es", "/activities", "/activities/calendar?year=2020&month=6", "/library", "/library?q=port",
            "/member-states", "/member-states/pe?culture=es", "/port-network", "/partners", "/statistics",
            "/activities.ics", "/library/feed.atom", "/sitemap.xml", "/robots.txt",
        ];
        var failures = new List<string>();

        foreach (var page in pages)
        {
            using var response = await client.GetAsync(page);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{(int)response.StatusCode} {page}");
            }
        }

        failures.ShouldBeEmpty(string.Join(", ", failures) + Environment.NewLine + ServerErrors(factory.DataDirectory));
    }

    /// <summary>The exception lines the app logged, so a failure here says what went wrong on the server.</summary>
    private static string ServerErrors(string dataDirectory)
    {
        var folder = Path.Combine(dataDirectory, "logs");
        if (!Directory.Exists(folder))
        {
            return "";
        }

        var lines = Directory.GetFiles(folder).SelectMany(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Split('\n');
        });
        return string.Join(Environment.NewLine, lines.Where(l => l.Contains("Exception", StringComparison.Ordinal) && !l.TrimStart().StartsWith("at ", StringComparison.Ordinal)).Take(10));
    }
}
