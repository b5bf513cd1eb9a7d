using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Admin.Records.ProgrammeRecordsTests;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Admin.Records;

/// <summary>/Admin/PortSystems: a port system and the programme phase(s) it joined in, edited on one form.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PortSystemRecordsTests(PostgresCluster cluster)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task List_UsesAtMostFiveSqlCommands_TheSameFor10And1000PortSystems()
    {
        await RecordTestKit.ShouldCostTheSameFor10And1000RowsAsync(async (factory, rows) =>
        {
            var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
            var programme = Prog("Network", (1, "I"));
            await factory.AddAsync(programme);
            await factory.AddAsync([.. Enumerable.Range(0, rows).Select(i =>
            {
                var port = new PortSystem { Slug = $"port-{i}", Name = $"Port {i:0000}", CountryId = peru.Id };
                port.Memberships.Add(new ProgrammeMembership { ProgrammeId = programme.Id, PhaseId = programme.Phases.Single().Id });
                return port;
            })]);
            return $"/Admin/PortSystems?country={peru.Id}&programme={programme.Id}&q=port&sort=-country";
        });
    }

    [Fact]
    public async Task List_SearchesFiltersSortsAndPages()
    {
        using var factory = new WebFactory();
        var (peru, chile) = await factory.WithDbAsync(async db => (await CountryAsync(db, "PE", "Peru", "Perú"), await CountryAsync(db, "CL", "Chile", "Chile")));
        var programme = Prog("Network", (1, "I"));
        await factory.AddAsync(programme);
        var callao = new PortSystem { Slug = "callao", Name = "Callao", UnLocode = "PECLL", CountryId = peru.Id };
        callao.Memberships.Add(new ProgrammeMembership { ProgrammeId = programme.Id, PhaseId = programme.Phases.Single().Id });
        await factory.AddAsync(callao, new PortSystem { Slug = "valparaiso", Name = "Valparaíso", CountryId = chile.Id });
        await factory.AddAsync([.. Enumerable.Range(0, 30).Select(i => new PortSystem { Slug = $"f{i}", Name = $"Filler {i:00}", CountryId = chile.Id })]);
        var client = await factory.SignedInStaffAsync();

        (await client.FirstColumnAsync("/Admin/PortSystems?q=pecll")).ShouldBe(["Callao"]);
        (await client.FirstColumnAsync($"/Admin/PortSystems?programme={programme.Id}")).ShouldBe(["Callao"]);
        (await client.FirstColumnAsync($"/Admin/PortSystems?country={peru.Id}")).ShouldBe(["Callao"]);
        (await client.FirstColumnAsync("/Admin/PortSystems?sort=-programmes")).First().ShouldBe("Callao");
        (await client.FirstColumnAsync("/Admin/PortSystems?q=filler&sort=-name&page=2")).ShouldBe(["Filler 04", "Filler 03", "Filler 02", "Filler 01", "Filler 00"]);
        (await client.FirstColumnAsync("/Admin/PortSystems?country=abc&programme=-1&sort=zz")).Count.ShouldBe(0);
        (await client.FirstColumnAsync("/Admin/PortSystems?country=abc&sort=zz")).Count.ShouldBe(25);
    }

    [Theory]
    [InlineData("en", "Name is required.", "Country is required.", "Enter a five-character UN/LOCODE such as PECLL.", "Choose at most one phase per programme.")]
    [InlineData("es", "El campo «Nombre» es obligatorio.", "El campo «País» es obligatorio.", "Ingrese un UN/LOCODE de cinco caracteres, por ejemplo PECLL.", "Elija como máximo una fase por programa.")]
    public async Task Create_Invalid_ShowsEachMessageBesideItsField_AndKeepsWhatWasTyped(string culture, string name, string country, string locode, string onePhase)
    {
        using var factory = new WebFactory();
        var programme = Prog("Network", (1, "I"), (2, "II"));
        await factory.AddAsync(programme);
        var client = await factory.SignedInStaffAsync();
        await client.GetAsync($"/language/{culture}");
        var form = await client.PageAsync("/Admin/PortSystems/Create");
        var fields = StaffClient.FieldsOf((AngleSharp.Html.Dom.IHtmlFormElement)form.QuerySelector("#record-form")!);
        fields.RemoveAll(f => f.Key is "Name" or "UnLocode" or "CountryId");
        fields.AddRange([new("Name", ""), new("UnLocode", "CALLAO-1"), new("CountryId", "")]);
        fields.AddRange(programme.Phases.Select(f => new KeyValuePair<string, string>("PhaseIds", Id(f.Id))));

        using var response = await client.PostAsync("/Admin/PortSystems/Create", new FormUrlEncodedContent(fields));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await ParseAsync(response);
        Squash(page.QuerySelector("#f-Name-error")!.TextContent).ShouldBe(name);
        Squash(page.QuerySelector("#f-CountryId-error")!.TextContent).ShouldBe(country);
        Squash(page.QuerySelector("#f-UnLocode-error")!.TextContent).ShouldBe(locode);
        Squash(page.QuerySelector("#f-PhaseIds-error")!.TextContent).ShouldBe(onePhase);
        page.Value("#f-UnLocode").ShouldBe("CALLAO-1");
        page.QuerySelectorAll("#f-PhaseIds input:checked").Length.ShouldBe(2);
        (await factory.WithDbAsync(db => db.PortSystems.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Create_WithAMembership_ThenMoveIt_SavesAudits_AndThePublicPortNetworkPageFollows()
    {
        using var factory = new WebFactory();
        var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var programme = Prog("Network", (1, "Founders"), (2, "Joiners"));
        await factory.AddAsync(programme);
        var (founders, joiners) = (programme.Phases.Single(f => f.Sequence == 1).Id, programme.Phases.Single(f => f.Sequence == 2).Id);
        var client = await factory.SignedInStaffAsync("maria@example.org");
        var anonymous = factory.CreateClient();
        (await anonymous.GetDocumentAsync("/port-network")).Body!.TextContent.ShouldNotContain("Puerto Nuevo");

        using var created = await client.SubmitAsync("/Admin/PortSystems/Create", "#record-form", new()
        {
            ["Name"] = "Puerto Nuevo", ["CountryId"] = Id(peru.Id), ["UnLocode"] = "pepnv", ["PhaseIds"] = Id(founders),
        });
        created.ShouldRedirect(await created.Content.ReadAsStringAsync());
        var port = await factory.WithDbAsync(db => db.PortSystems.Include(p => p.Memberships).AsNoTracking().SingleAsync());
        (port.Slug, port.UnLocode, port.Memberships.Single().PhaseId, port.Memberships.Single().ProgrammeId).ShouldBe(("puerto-nuevo", "PEPNV", founders, programme.Id));
        Squash((await client.PageAsync(created.Headers.Location!.OriginalString)).QuerySelector("main")!.TextContent).ShouldContain("Network · Founders");
        (await anonymous.GetDocumentAsync("/port-network")).Body!.TextContent.ShouldContain("Puerto Nuevo");

        (await client.SubmitAsync($"/Admin/PortSystems/Edit/{port.Id}", "#record-form", new() { ["PhaseIds"] = Id(joiners), ["Name"] = "Puerto Nuevo Sur" })).ShouldRedirect();
        (await factory.WithDbAsync(db => db.ProgrammeMemberships.AsNoTracking().SingleAsync())).PhaseId.ShouldBe(joiners);
        (await anonymous.GetDocumentAsync("/port-network")).Body!.TextContent.ShouldContain("Puerto Nuevo Sur");

        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "PortSystem" || e.EntityType == "ProgrammeMembership").OrderBy(e => e.Id).ToListAsync());
        audit.Select(e => (e.EntityType, e.Action)).ShouldBe([("PortSystem", "create"), ("ProgrammeMembership", "create"), ("PortSystem", "update"), ("ProgrammeMembership", "update")], ignoreOrder: true);
        audit.ShouldAllBe(e => e.UserName == "maria@example.org");

        // Unticking every phase ends the membership; deleting the port takes nothing else with it.
        var form = await client.PageAsync($"/Admin/PortSystems/Edit/{port.Id}");
        var fields = StaffClient.FieldsOf((AngleSharp.Html.Dom.IHtmlFormElement)form.QuerySelector("#record-form")!);
        fields.RemoveAll(f => f.Key == "PhaseIds");
        (await client.PostAsync($"/Admin/PortSystems/Edit/{port.Id}", new FormUrlEncodedContent(fields))).ShouldRedirect();
        (await factory.WithDbAsync(db => db.ProgrammeMemberships.CountAsync())).ShouldBe(0);
        (await client.SubmitAsync($"/Admin/PortSystems/Details/{port.Id}", "#delete-form", [])).ShouldRedirect();
        (await factory.WithDbAsync(db => db.PortSystems.CountAsync())).ShouldBe(0);
        (await factory.WithDbAsync(db => db.ProgrammePhases.CountAsync())).ShouldBe(2);
    }

    [Fact]
    public async Task Delete_TakesTheMembershipsWithIt_AndUnknownIdsAre404()
    {
        using var factory = new WebFactory();
        var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var programme = Prog("Network", (1, "I"));
        await factory.AddAsync(programme);
        var port = new PortSystem { Slug = "callao", Name = "Callao", CountryId = peru.Id };
        port.Memberships.Add(new ProgrammeMembership { ProgrammeId = programme.Id, PhaseId = programme.Phases.Single().Id });
        await factory.AddAsync(port);
        var client = await factory.SignedInStaffAsync();

        (await client.SubmitAsync($"/Admin/PortSystems/Details/{port.Id}", "#delete-form", [])).ShouldRedirect();
        (await factory.WithDbAsync(db => db.ProgrammeMemberships.CountAsync())).ShouldBe(0);
        (await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "ProgrammeMembership" && e.Action == "delete"))).ShouldBe(1);
        (await client.GetAsync($"/Admin/PortSystems/Details/{port.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/Admin/PortSystems/Edit/abc")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task StaleEdit_IsRefused_OnSqlite() => await StaleEditScenarioAsync(new WebFactory());

    [PostgresFact]
    public async Task StaleEdit_IsRefused_OnPostgres() => await StaleEditScenarioAsync(await RecordTestKit.PostgresFactoryAsync(cluster));

    /// <summary>José changes only the membership; Ana's form, opened before, is refused and names the phase he chose.</summary>
    private static async Task StaleEditScenarioAsync(WebFactory factory)
    {
        using var _ = factory;
        var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var programme = Prog("Network", (1, "I"), (2, "II"));
        await factory.AddAsync(programme);
        var port = new PortSystem { Slug = "paita", Name = "Paita", CountryId = peru.Id };
        await factory.AddAsync(port);
        var (ana, jose) = await factory.TwoEditorsAsync();
        var url = $"/Admin/PortSystems/Edit/{port.Id}";
        var anasForm = await ana.PageAsync(url);
        (await jose.SubmitAsync(url, "#record-form", new() { ["PhaseIds"] = Id(programme.Phases.Single(f => f.Sequence == 2).Id) })).ShouldRedirect();

        using var refused = await ana.SubmitAsync(anasForm, "#record-form", new() { ["Name"] = "Paita (Ana)", ["UnLocode"] = "PEPAI" }, url);

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var page = await ParseAsync(refused);
        page.Value("#f-Name").ShouldBe("Paita (Ana)");
        page.Value("#f-UnLocode").ShouldBe("PEPAI");
        page.ConflictItems().ShouldBe(["Programme phases joined: Network · II (2021–)"]);
        (await factory.WithDbAsync(db => db.PortSystems.AsNoTracking().SingleAsync(p => p.Id == port.Id))).Name.ShouldBe("Paita");

        (await ana.SubmitAsync(page, "#record-form", [], url)).ShouldRedirect();
        (await factory.WithDbAsync(db => db.PortSystems.AsNoTracking().SingleAsync(p => p.Id == port.Id))).Name.ShouldBe("Paita (Ana)");
    }

    [Fact]
    public async Task Export_IsCsv_WithFormulasNeutralised()
    {
        using var factory = new WebFactory();
        var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        await factory.AddAsync(new PortSystem { Slug = "evil", Name = "+cmd|calc", CountryId = peru.Id });
        var client = await factory.SignedInStaffAsync();

        var lines = (await client.GetStringAsync("/Admin/PortSystems/Export?q=cmd")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Id,Name,UnLocode,Country,Programmes,UpdatedAtUtc");
        lines.Length.ShouldBe(2);
        lines[1].ShouldContain(",'+cmd|calc,,PE,0,");
    }
}
