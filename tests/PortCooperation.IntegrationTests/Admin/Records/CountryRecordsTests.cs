using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Admin.Records;

public sealed class CountryRecordsTests
{
    [Fact]
    public async Task List_SearchesFiltersSortsAndPages_InAtMostFiveSqlCommands_TheSameFor10And600Countries()
    {
        var counts = new List<int>();
        foreach (var extra in new[] { 10, 600 })
        {
            using var factory = new WebFactory();
            var taken = await factory.WithDbAsync(db => db.Countries.Select(c => c.Code).ToListAsync());
            var codes = from a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" from b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" select $"{a}{b}";
            await factory.AddAsync([.. codes.Where(c => !taken.Contains(c)).Take(extra)
                .Select(c => new Country { Code = c, NameEn = "Testland " + c, NameEs = "Tierra " + c, Region = Region.Other })]);
            var client = await factory.SignedInStaffAsync();
            counts.Add(await RecordTestKit.ListCommandsAsync(factory, client, "/Admin/Countries?region=Other&q=testland&sort=-name", Math.Min(extra, 25)));
        }

        counts[0].ShouldBeLessThanOrEqualTo(5);
        counts[1].ShouldBe(counts[0]);
    }

    [Fact]
    public async Task List_FiltersByRegionAndMembership_SortsAndPages()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(
            new Country { Code = "QA", NameEn = "Qatarland", NameEs = "Qatarlandia", Region = Region.Europe, IsMemberState = false },
            new Country { Code = "QB", NameEn = "Qbland", NameEs = "Qblandia", Region = Region.Europe, IsMemberState = true });
        var client = await factory.SignedInStaffAsync();

        (await client.FirstColumnAsync("/Admin/Countries?q=qblandia")).ShouldBe(["Qbland"]);
        (await client.FirstColumnAsync("/Admin/Countries?region=Europe&member=no&q=land")).ShouldContain("Qatarland");
        (await client.FirstColumnAsync("/Admin/Countries?region=Europe&member=no&q=land")).ShouldNotContain("Qbland");
        (await client.FirstColumnAsync("/Admin/Countries?q=q&region=Europe&sort=-code")).Take(2).ShouldBe(["Qbland", "Qatarland"]);
        var total = await factory.WithDbAsync(db => db.Countries.CountAsync());
        var page2 = await client.PageAsync("/Admin/Countries?page=2");
        page2.QuerySelectorAll("#records tbody tr").Length.ShouldBe(Math.Min(25, total - 25));
        (await client.FirstColumnAsync("/Admin/Countries?region=Nonsense&member=maybe&page=abc&sort=%27")).Count.ShouldBe(Math.Min(25, total));
    }

    [Theory]
    [InlineData("en", "Name (English) is required.", "Enter the two-letter ISO code.")]
    [InlineData("es", "El campo «Nombre (inglés)» es obligatorio.", "Ingrese el código ISO de dos letras.")]
    public async Task Create_Invalid_ShowsEachMessageBesideItsField_AndKeepsWhatWasTyped(string culture, string required, string code)
    {
        using var factory = new WebFactory();
        var client = await factory.SignedInStaffAsync();
        await client.GetAsync($"/language/{culture}");
        var before = await factory.WithDbAsync(db => db.Countries.CountAsync());

        using var response = await client.SubmitAsync("/Admin/Countries/Create", "#record-form", new() { ["NameEn"] = "", ["NameEs"] = "Atlántida", ["Code"] = "A1" });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await ParseAsync(response);
        Squash(page.QuerySelector("#f-NameEn-error")!.TextContent).ShouldBe(required);
        Squash(page.QuerySelector("#f-Code-error")!.TextContent).ShouldBe(code);
        page.QuerySelector("#f-Code")!.GetAttribute("aria-describedby").ShouldBe("f-Code-help f-Code-error");
        page.QuerySelector("#f-NameEn")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.Value("#f-NameEs").ShouldBe("Atlántida");
        page.QuerySelectorAll("#error-summary li").Length.ShouldBe(2);
        (await factory.WithDbAsync(db => db.Countries.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Create_ADuplicateCode_IsRefusedBesideTheField()
    {
        using var factory = new WebFactory();
        await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var client = await factory.SignedInStaffAsync();

        using var response = await client.SubmitAsync("/Admin/Countries/Create", "#record-form", new() { ["NameEn"] = "Peru again", ["NameEs"] = "Perú otra vez", ["Code"] = "pe" });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Squash((await ParseAsync(response)).QuerySelector("#f-Code-error")!.TextContent).ShouldBe("Another record already uses this code.");
    }

    [Fact]
    public async Task Create_ThenEdit_SavesAudits_ShowsTheDetail_AndThePublicMemberStatesPageFollows()
    {
        using var factory = new WebFactory();
        var client = await factory.SignedInStaffAsync("maria@example.org");
        var anonymous = factory.CreateClient();

        using var created = await client.SubmitAsync("/Admin/Countries/Create", "#record-form", new()
        {
            ["NameEn"] = "Atlantis", ["NameEs"] = "Atlántida", ["Code"] = "xa", ["Region"] = "Caribbean", ["IsMemberState"] = "true",
        });

        created.ShouldRedirect(await created.Content.ReadAsStringAsync());
        var country = await factory.WithDbAsync(db => db.Countries.AsNoTracking().SingleAsync(c => c.Code == "XA"));
        (country.NameEs, country.Region, country.IsMemberState).ShouldBe(("Atlántida", Region.Caribbean, true));
        var detail = await client.PageAsync(created.Headers.Location!.OriginalString);
        detail.QuerySelector("[role=status]")!.TextContent.ShouldContain("created");
        Squash(detail.QuerySelector("#record-facts")!.TextContent).ShouldContain("Member state Yes");
        (await anonymous.GetDocumentAsync("/member-states")).Body!.TextContent.ShouldContain("Atlantis");

        using var edited = await client.SubmitAsync($"/Admin/Countries/Edit/{country.Id}", "#record-form", new() { ["NameEn"] = "Atlantis Renamed" });
        edited.ShouldRedirect();
        (await anonymous.GetDocumentAsync("/member-states")).Body!.TextContent.ShouldContain("Atlantis Renamed");

        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Country").OrderBy(e => e.Id).ToListAsync());
        audit.Select(e => e.Action).ShouldBe(["create", "update"]);
        audit[1].UserName.ShouldBe("maria@example.org");
        audit[1].Changes!.ShouldContain("Atlantis Renamed");
    }

    [Fact]
    public async Task Edit_IgnoresAnOverPostedId_AndUnknownIdsAre404()
    {
        using var factory = new WebFactory();
        var (mine, other) = await factory.WithDbAsync(async db => (await CountryAsync(db, "XB", "Mine", "Mío"), await CountryAsync(db, "XC", "Other", "Otro")));
        var client = await factory.SignedInStaffAsync();

        using var response = await client.SubmitAsync($"/Admin/Countries/Edit/{mine.Id}", "#record-form", new()
        {
            ["NameEn"] = "Mine, renamed", ["Id"] = other.Id.ToString(CultureInfo.InvariantCulture), ["CreatedAt"] = "2000-01-01",
        });

        response.ShouldRedirect();
        (await factory.WithDbAsync(db => db.Countries.AsNoTracking().SingleAsync(c => c.Id == mine.Id))).NameEn.ShouldBe("Mine, renamed");
        (await factory.WithDbAsync(db => db.Countries.AsNoTracking().SingleAsync(c => c.Id == other.Id))).NameEn.ShouldBe("Other");
        (await client.GetAsync("/Admin/Countries/Edit/99999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/Admin/Countries/Details/99999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/Admin/Countries/Details/abc")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_OfAReferencedCountry_IsRefusedWithAClearMessage_AnUnusedOneIsDeleted()
    {
        using var factory = new WebFactory();
        var (used, unused) = await factory.WithDbAsync(async db => (await CountryAsync(db, "XD", "Used", "Usado"), await CountryAsync(db, "XE", "Unused", "Sin uso")));
        await factory.AddAsync(new PortSystem { Slug = "p1", Name = "Port One", CountryId = used.Id }, new Organisation { Slug = "o1", NameEn = "Org", CountryId = used.Id });
        var client = await factory.SignedInStaffAsync();

        var page = await client.PageAsync($"/Admin/Countries/Details/{used.Id}");
        Squash(page.QuerySelector("#delete-blocked")!.TextContent).ShouldBe("This record cannot be deleted because other records use it: 1 port system, 1 organisation. Change or remove those first.");
        page.QuerySelector("#delete-form").ShouldBeNull();
        using (var forced = await client.ForceDeleteAsync("Countries", used.Id, used.Version))
        {
            forced.ShouldRedirect();
        }

        (await client.AlertAsync($"/Admin/Countries/Details/{used.Id}")).ShouldContain("cannot be deleted");

        using var deleted = await client.SubmitAsync($"/Admin/Countries/Details/{unused.Id}", "#delete-form", []);
        deleted.Headers.Location!.OriginalString.ShouldBe("/Admin/Countries");
        (await factory.WithDbAsync(db => db.Countries.AnyAsync(c => c.Id == unused.Id))).ShouldBeFalse();
        (await factory.WithDbAsync(db => db.Countries.AnyAsync(c => c.Id == used.Id))).ShouldBeTrue();
        (await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "Country" && e.Action == "delete"))).ShouldBe(1);
    }

    [Fact]
    public async Task StaleEdit_IsRefused_KeepsTheTypedValues_AndShowsTheColleaguesChange()
    {
        using var factory = new WebFactory();
        var country = await factory.WithDbAsync(db => CountryAsync(db, "XF", "Before", "Antes"));
        var ana = await factory.SignedInStaffAsync("ana@example.org");
        var jose = await factory.SignedInStaffAsync("jose@example.org");
        var url = $"/Admin/Countries/Edit/{country.Id}";
        var anasForm = await ana.PageAsync(url);
        (await jose.SubmitAsync(url, "#record-form", new() { ["NameEs"] = "Cambiado por José" })).ShouldRedirect();

        using var refused = await ana.SubmitAsync(anasForm, "#record-form", new() { ["NameEn"] = "Ana's name" }, url);

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var page = await ParseAsync(refused);
        page.Value("#f-NameEn").ShouldBe("Ana's name");
        Squash(page.QuerySelector("#conflict-summary")!.TextContent).ShouldContain("jose@example.org");
        page.QuerySelectorAll("#conflict-summary li").Select(li => Squash(li.TextContent)).ShouldBe(["Name (Spanish): Cambiado por José"]);
        Squash(page.QuerySelector("#f-NameEs-conflict")!.TextContent).ShouldBe("Changed meanwhile to: Cambiado por José");
        (await factory.WithDbAsync(db => db.Countries.AsNoTracking().SingleAsync(c => c.Id == country.Id))).NameEn.ShouldBe("Before");

        (await ana.SubmitAsync(page, "#record-form", [], url)).ShouldRedirect();
        var saved = await factory.WithDbAsync(db => db.Countries.AsNoTracking().SingleAsync(c => c.Id == country.Id));
        (saved.NameEn, saved.NameEs).ShouldBe(("Ana's name", "Antes"));
    }

    [Fact]
    public async Task Export_IsCsvOfTheFilteredList_WithFormulasNeutralised()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(new Country { Code = "XG", NameEn = "=cmd|' /C calc'!A0", NameEs = "+Fórmula", Region = Region.Other });
        var client = await factory.SignedInStaffAsync();

        using var response = await client.GetAsync("/Admin/Countries/Export?region=Other&q=XG");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Id,Code,NameEn,NameEs,MemberState,Region,PortSystems,UpdatedAtUtc");
        lines.Length.ShouldBe(2);
        lines[1].ShouldContain(",XG,'=cmd|' /C calc'!A0,'+Fórmula,False,Other,0,");
    }
}
