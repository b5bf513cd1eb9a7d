using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Admin.Records;

[Collection(PostgresCollection.Name)]
public sealed class OrganisationRecordsTests(PostgresCluster cluster)
{
    private static Organisation Org(string name, Action<Organisation>? change = null)
    {
        var organisation = new Organisation { Slug = $"o-{Guid.NewGuid():N}", NameEn = name, NameEs = name + " (ES)", Type = OrganisationType.Company };
        change?.Invoke(organisation);
        return organisation;
    }

    [Fact]
    public async Task List_UsesAtMostFiveSqlCommands_TheSameFor10And1000Organisations()
    {
        var counts = new List<int>();
        foreach (var rows in new[] { 10, 1000 })
        {
            using var factory = new WebFactory();
            var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
            await factory.AddAsync([.. Enumerable.Range(0, rows).Select(i => Org($"Company {i:0000}", o => o.CountryId = peru.Id))]);
            var client = await factory.SignedInStaffAsync();
            counts.Add(await RecordTestKit.ListCommandsAsync(factory, client, $"/Admin/Organisations?type=Company&country={peru.Id}&q=company&sort=-activities", Math.Min(rows, 25)));
        }

        counts[0].ShouldBeLessThanOrEqualTo(5);
        counts[1].ShouldBe(counts[0]);
    }

    [Fact]
    public async Task List_SearchesFiltersSortsAndPages()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(
            Org("Economic Commission", o => { o.Acronym = "ECLAC"; o.Type = OrganisationType.InternationalOrganisation; }),
            Org("Port of Valencia", o => o.Type = OrganisationType.NationalPortAuthority));
        await factory.AddAsync([.. Enumerable.Range(0, 30).Select(i => Org($"Filler {i:00}"))]);
        var client = await factory.SignedInStaffAsync();

        (await client.FirstColumnAsync("/Admin/Organisations?q=eclac")).ShouldBe(["Economic Commission"]);
        (await client.FirstColumnAsync("/Admin/Organisations?type=NationalPortAuthority")).ShouldBe(["Port of Valencia"]);
        (await client.FirstColumnAsync("/Admin/Organisations?q=filler&sort=-name&page=2")).ShouldBe(["Filler 04", "Filler 03", "Filler 02", "Filler 01", "Filler 00"]);
        (await client.FirstColumnAsync("/Admin/Organisations?type=Bogus&country=x&sort=zzz")).Count.ShouldBe(25);
    }

    [Fact]
    public async Task Create_MakesTheSlugFromTheName_ValidatesBesideTheFields_AndThePublicPartnerPageFollowsAnEdit()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(Org("Taken", o => o.Slug = "port-of-lima"));
        var client = await factory.SignedInStaffAsync();

        using var invalid = await client.SubmitAsync("/Admin/Organisations/Create", "#record-form", new()
        {
            ["NameEn"] = "", ["NameEs"] = "Puerto", ["WebsiteUrl"] = "not a url", ["Slug"] = "Bad Slug",
        });
        invalid.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await ParseAsync(invalid);
        Squash(page.QuerySelector("#f-NameEn-error")!.TextContent).ShouldBe("Name (English) is required.");
        Squash(page.QuerySelector("#f-WebsiteUrl-error")!.TextContent).ShouldBe("Website must be a full web address (https://…).");
        Squash(page.QuerySelector("#f-Slug-error")!.TextContent).ShouldBe("Use lower-case letters, digits and single hyphens only.");
        page.Value("#f-NameEs").ShouldBe("Puerto");

        using var created = await client.SubmitAsync("/Admin/Organisations/Create", "#record-form", new()
        {
            ["NameEn"] = "Port of Lima", ["NameEs"] = "Puerto de Lima", ["Type"] = "NationalPortAuthority", ["WebsiteUrl"] = "https://lima.example.org",
        });
        created.ShouldRedirect(await created.Content.ReadAsStringAsync());
        var saved = await factory.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.NameEn == "Port of Lima"));
        (saved.Slug, saved.Type, saved.WebsiteUrl).ShouldBe(("port-of-lima-2", OrganisationType.NationalPortAuthority, "https://lima.example.org"));

        using var duplicate = await client.SubmitAsync($"/Admin/Organisations/Edit/{saved.Id}", "#record-form", new() { ["Slug"] = "port-of-lima" });
        Squash((await ParseAsync(duplicate)).QuerySelector("#f-Slug-error")!.TextContent).ShouldBe("Another record already uses this address name.");

        // The public partner page lists partners of published activities.
        await factory.AddAsync(NewActivity("Port webinar", WebFactory.DefaultNow.UtcDateTime.AddDays(5), a => a.Partners.Add(new ActivityPartner { OrganisationId = saved.Id })));
        var anonymous = factory.CreateClient();
        (await anonymous.GetDocumentAsync("/partners")).Body!.TextContent.ShouldContain("Port of Lima");
        (await client.SubmitAsync($"/Admin/Organisations/Edit/{saved.Id}", "#record-form", new() { ["NameEn"] = "Lima Port Authority" })).ShouldRedirect();
        (await anonymous.GetDocumentAsync("/partners")).Body!.TextContent.ShouldContain("Lima Port Authority");
    }

    [Fact]
    public async Task Delete_IsRefusedWhileActivitiesNameTheOrganisation_AndOverPostedIdsAreIgnored()
    {
        using var factory = new WebFactory();
        var partner = Org("Partner");
        var loose = Org("Loose");
        await factory.AddAsync(partner, loose);
        await factory.AddAsync(NewActivity("With partner", WebFactory.DefaultNow.UtcDateTime, a => a.Partners.Add(new ActivityPartner { OrganisationId = partner.Id })));
        var client = await factory.SignedInStaffAsync();

        Squash((await client.PageAsync($"/Admin/Organisations/Details/{partner.Id}")).QuerySelector("#delete-blocked")!.TextContent)
            .ShouldBe("This record cannot be deleted because other records use it: 1 activity. Change or remove those first.");
        (await client.ForceDeleteAsync("Organisations", partner.Id, partner.Version)).ShouldRedirect();
        (await client.AlertAsync($"/Admin/Organisations/Details/{partner.Id}")).ShouldContain("cannot be deleted");
        (await factory.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Id == partner.Id))).ShouldBeTrue();

        (await client.SubmitAsync($"/Admin/Organisations/Edit/{loose.Id}", "#record-form", new() { ["NameEn"] = "Loose renamed", ["Id"] = partner.Id.ToString(CultureInfo.InvariantCulture) })).ShouldRedirect();
        (await factory.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == partner.Id))).NameEn.ShouldBe("Partner");

        // A delete from a page opened before that edit is refused: the record changed since.
        (await client.ForceDeleteAsync("Organisations", loose.Id, loose.Version)).ShouldRedirect();
        (await client.AlertAsync($"/Admin/Organisations/Details/{loose.Id}")).ShouldContain("someone changed this record");
        (await client.SubmitAsync($"/Admin/Organisations/Details/{loose.Id}", "#delete-form", [])).ShouldRedirect();
        (await factory.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Id == loose.Id))).ShouldBeFalse();
    }

    [Fact]
    public async Task StaleEdit_IsRefused_OnSqlite() => await StaleEditScenarioAsync(new WebFactory());

    [PostgresFact]
    public async Task StaleEdit_IsRefused_OnPostgres() => await StaleEditScenarioAsync(new WebFactory(settings: new Dictionary<string, string?>
    {
        ["Database:Provider"] = "PostgreSQL",
        ["ConnectionStrings:Portal"] = await cluster.CreateDatabaseAsync(),
    }));

    private static async Task StaleEditScenarioAsync(WebFactory factory)
    {
        using var _ = factory;
        var organisation = Org("Original", o => o.WebsiteUrl = "https://old.example.org");
        await factory.AddAsync(organisation);
        var ana = await factory.SignedInStaffAsync("ana@example.org");
        var jose = await factory.SignedInStaffAsync("jose@example.org");
        var url = $"/Admin/Organisations/Edit/{organisation.Id}";
        var anasForm = await ana.PageAsync(url);
        (await jose.SubmitAsync(url, "#record-form", new() { ["WebsiteUrl"] = "https://new.example.org", ["DescriptionEs"] = "Descripción de José" })).ShouldRedirect();

        using var refused = await ana.SubmitAsync(anasForm, "#record-form", new() { ["NameEn"] = "Ana's name", ["DescriptionEn"] = "Ana's text" }, url);

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var page = await ParseAsync(refused);
        page.Value("#f-NameEn").ShouldBe("Ana's name");
        page.Value("#f-DescriptionEn").ShouldBe("Ana's text");
        page.QuerySelectorAll("#conflict-summary li").Select(li => Squash(li.TextContent))
            .ShouldBe(["Description (Spanish): Descripción de José", "Website: https://new.example.org"], ignoreOrder: true);
        Squash(page.QuerySelector("#conflict-summary")!.TextContent).ShouldContain("jose@example.org");
        (await factory.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id))).NameEn.ShouldBe("Original");

        (await ana.SubmitAsync(page, "#record-form", [], url)).ShouldRedirect();
        var saved = await factory.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id));
        (saved.NameEn, saved.WebsiteUrl, saved.Version).ShouldBe(("Ana's name", "https://old.example.org", 3L));
    }

    [Fact]
    public async Task Export_IsCsv_WithFormulasNeutralised()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(Org("@SUM(A1:A9)", o => o.Acronym = "-1+1"));
        var client = await factory.SignedInStaffAsync();

        var csv = (await client.GetStringAsync("/Admin/Organisations/Export?q=sum")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        csv.Length.ShouldBe(2);
        csv[1].ShouldContain(",'@SUM(A1:A9),'@SUM(A1:A9) (ES),'-1+1,Company,");
    }
}
