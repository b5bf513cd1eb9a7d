using PortCooperation.IntegrationTests.Security;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.Library.LibraryTestData;

namespace PortCooperation.IntegrationTests.Admin;

/// <summary>
/// "Admin list pages use ≤ 5 SQL commands per request, the same with 10 and 1,000 rows", for every staff
/// list page at once: the pages come from the app's EndpointDataSource like <see cref="StaffListExportTests"/>, and
/// the rows are added to the tables behind the lists that have no scale test of their own (activities, documents,
/// collections, the outbox and the audit log; the record screens have theirs in Admin/Records).
/// </summary>
public sealed class StaffListSqlTests
{
    /// <summary>Index pages that are not record lists, beyond those <see cref="StaffListExportTests.NotLists"/> names.</summary>
    private static readonly Dictionary<string, string> NotRecordLists = new()
    {
        // The executive report: one aggregate query per figure (about 22), constant whatever the data volume —
        // shown by Reports/ReportUsageScaleTests.
        ["Reports.Index"] = "the executive report",
    };

    [Fact]
    public async Task EveryStaffListPage_KeepsItsSqlCommandBudget_TheSameFor10And1000Rows()
    {
        var counts = new List<Dictionary<string, int>>();
        foreach (var rows in new[] { 10, 1000 })
        {
            using var factory = new WebFactory();
            await AddRowsAsync(factory, rows);
            var client = await factory.SignedInStaffAsync("admin-sql@example.org", Roles.Administrator);
            var lists = EndpointCatalogue.Requests(factory.Services)
                .Where(r => r.IsAdminArea && r.Method == "GET" && r.Name.EndsWith(".Index", StringComparison.Ordinal) && !StaffListExportTests.NotLists.ContainsKey(r.Name))
                .ToList();
            NotRecordLists.Keys.ShouldBeSubsetOf(lists.Select(r => r.Name));
            lists.RemoveAll(r => NotRecordLists.ContainsKey(r.Name));
            lists.Count.ShouldBeGreaterThanOrEqualTo(15);
            foreach (var list in lists)
            {
                await client.PageAsync(list.Path); // warm: the first request of a page compiles its queries
            }

            var seen = new Dictionary<string, int>();
            foreach (var list in lists)
            {
                // The lower of two counts: the outbox's background polling may add a command to one of them.
                var attempts = new List<int>();
                for (var attempt = 0; attempt < 2; attempt++)
                {
                    factory.SqlCommands.Reset();
                    await client.PageAsync(list.Path);
                    attempts.Add(factory.SqlCommands.Count);
                }

                seen[list.Name] = attempts.Min();
            }

            counts.Add(seen);
        }

        counts[0].Where(c => c.Value > Budget(c.Key)).ShouldBeEmpty("list pages over their SQL command budget with 10 rows");
        counts[1].Where(c => c.Value > Budget(c.Key)).ShouldBeEmpty("list pages over their SQL command budget with 1,000 rows");
        counts[1].ShouldBe(counts[0], "the same count whatever the number of rows");
        counts[1]["Audit.Index"].ShouldBeGreaterThan(0, "the counter sees the list's queries");
    }

    /// <summary>
    /// Five commands per list page; the scholarship list also reads its course filter's choices and its totals line
    /// (one grouped command), a fixed cost whatever the number of rows.
    /// </summary>
    private static int Budget(string page) => page == "ScholarshipAwards.Index" ? 6 : 5;

    private static async Task AddRowsAsync(WebFactory factory, int rows)
    {
        var now = WebFactory.DefaultNow.UtcDateTime;
        // An activity with id 1 for the registrations list of /Admin/Activities/1/Registrations.
        await factory.AddAsync([.. Enumerable.Range(0, rows).Select(i => WebTestData.NewActivity($"Scale webinar {i:0000}", now.AddDays(i % 400 - 200)))]);
        var documents = Enumerable.Range(0, rows).Select(i => NewDocument($"Scale document {i:0000}")).ToArray();
        await factory.AddAsync(documents);
        await factory.AddAsync([.. documents.Select((d, i) =>
        {
            var collection = new DocumentCollection { Slug = $"scale-{i:0000}", TitleEn = $"Scale collection {i:0000}", PublicationState = PublicationState.Published, CreatedAt = now, UpdatedAt = now };
            collection.Documents.Add(new CollectionDocument { DocumentId = d.Id, SortOrder = 0 });
            return collection;
        })]);
        await factory.AddAsync([.. Enumerable.Range(0, rows).Select(i => new OutboxMessage
        {
            IdempotencyKey = $"Scale:{i}", CreatedAtUtc = now.AddMinutes(-i), NextAttemptAtUtc = now.AddDays(30), ToAddress = $"scale{i}@example.org",
            Subject = $"Scale message {i}", BodyText = "Body", Status = i % 3 == 0 ? OutboxStatus.Sent : OutboxStatus.Pending, SentAtUtc = i % 3 == 0 ? now : null,
        })]);
        await factory.AddAsync([.. Enumerable.Range(0, rows).Select(i => new AuditEntry
        {
            OccurredAtUtc = now.AddMinutes(-i), UserName = "scale@example.org", Action = "update", EntityType = "Activity",
            EntityId = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Changes = """{"TitleEn":["Old","New"]}""",
        })]);
    }
}
