using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Admin.Records;

/// <summary>/Admin/Programmes: a programme and its phases on one form; deletes refused while port systems depend on them.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ProgrammeRecordsTests(PostgresCluster cluster)
{
    internal static Programme Prog(string name, params (int Sequence, string Label)[] phases)
    {
        var programme = new Programme { Slug = $"p-{Guid.NewGuid():N}", NameEn = name, NameEs = name + " (ES)" };
        foreach (var (sequence, label) in phases)
        {
            programme.Phases.Add(new ProgrammePhase { Sequence = sequence, Label = label, StartYear = 2019 + sequence });
        }

        return programme;
    }

    [Fact]
    public async Task List_UsesAtMostFiveSqlCommands_TheSameFor10And1000Programmes()
    {
        await RecordTestKit.ShouldCostTheSameFor10And1000RowsAsync(async (factory, rows) =>
        {
            var lead = new Organisation { Slug = "sela", NameEn = "SELA", Type = OrganisationType.InternationalOrganisation };
            await factory.AddAsync(lead);
            await factory.AddAsync([.. Enumerable.Range(0, rows).Select(i =>
            {
                var p = Prog($"Network {i:0000}", (1, "I"), (2, "II"));
                p.LeadOrganisationId = lead.Id;
                return p;
            })]);
            return $"/Admin/Programmes?lead={lead.Id}&q=network&sort=-members";
        });
    }

    [Fact]
    public async Task List_SearchesNamesAndPhaseLabels_FiltersSortsAndPages()
    {
        using var factory = new WebFactory();
        var lead = new Organisation { Slug = "sela", NameEn = "SELA", Type = OrganisationType.InternationalOrganisation };
        await factory.AddAsync(lead);
        var led = Prog("Digital Ports", (1, "Pilot"));
        led.LeadOrganisationId = lead.Id;
        await factory.AddAsync(led, Prog("Green Ports", (1, "I"), (2, "II"), (3, "III")));
        await factory.AddAsync([.. Enumerable.Range(0, 30).Select(i => Prog($"Filler {i:00}"))]);
        var client = await factory.SignedInStaffAsync();

        (await client.FirstColumnAsync("/Admin/Programmes?q=pilot")).ShouldBe(["Digital Ports"]);
        (await client.FirstColumnAsync($"/Admin/Programmes?lead={lead.Id}")).ShouldBe(["Digital Ports"]);
        (await client.FirstColumnAsync("/Admin/Programmes?sort=-phases")).First().ShouldBe("Green Ports");
        (await client.FirstColumnAsync("/Admin/Programmes?q=filler&sort=-name&page=2")).ShouldBe(["Filler 04", "Filler 03", "Filler 02", "Filler 01", "Filler 00"]);
        (await client.FirstColumnAsync("/Admin/Programmes?lead=x&sort=%27&page=-3")).Count.ShouldBe(25);
    }

    [Theory]
    [InlineData("en", "Name (English) is required.", "Phase label is required.", "Another phase already has this order number.", "The last year cannot be before the first year.")]
    [InlineData("es", "El campo «Nombre (inglés)» es obligatorio.", "El campo «Etiqueta de la fase» es obligatorio.", "Otra fase ya tiene este número de orden.", "El último año no puede ser anterior al primero.")]
    public async Task Create_Invalid_ShowsEachMessageBesideItsField_AndKeepsWhatWasTyped(string culture, string nameRequired, string labelRequired, string orderTwice, string years)
    {
        using var factory = new WebFactory();
        var client = await factory.SignedInStaffAsync();
        await client.GetAsync($"/language/{culture}");

        using var response = await client.SubmitAsync("/Admin/Programmes/Create", "#record-form", new()
        {
            ["NameEn"] = "", ["NameEs"] = "Red de puertos",
            ["Phases[0].Sequence"] = "1", ["Phases[0].Label"] = "I", ["Phases[0].StartYear"] = "2022", ["Phases[0].EndYear"] = "2020",
            ["Phases[1].Sequence"] = "1", ["Phases[1].DescriptionEs"] = "Segunda fase",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await ParseAsync(response);
        Squash(page.QuerySelector("#f-NameEn-error")!.TextContent).ShouldBe(nameRequired);
        Squash(page.QuerySelector("#f-Phases-0--EndYear-error")!.TextContent).ShouldBe(years);
        Squash(page.QuerySelector("#f-Phases-1--Label-error")!.TextContent).ShouldBe(labelRequired);
        Squash(page.QuerySelector("#f-Phases-1--Sequence-error")!.TextContent).ShouldBe(orderTwice);
        page.Value("#f-NameEs").ShouldBe("Red de puertos");
        page.Value("#f-Phases-1--DescriptionEs").ShouldBe("Segunda fase");
        page.Value("#f-Phases-0--StartYear").ShouldBe("2022");
        page.QuerySelectorAll("#error-summary li").Length.ShouldBe(4);
        (await factory.WithDbAsync(db => db.Programmes.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Create_ThenEditPhases_SavesAudits_AndThePublicPortNetworkPageFollows()
    {
        using var factory = new WebFactory();
        var client = await factory.SignedInStaffAsync("maria@example.org");
        var anonymous = factory.CreateClient();

        using var created = await client.SubmitAsync("/Admin/Programmes/Create", "#record-form", new()
        {
            ["NameEn"] = "Blue Ports Network", ["NameEs"] = "Red de Puertos Azules", ["DescriptionEn"] = "Linking ports.",
            ["Phases[0].Sequence"] = "1", ["Phases[0].Label"] = "Alpha", ["Phases[0].StartYear"] = "2019", ["Phases[0].EndYear"] = "2021",
            ["Phases[1].Sequence"] = "2", ["Phases[1].Label"] = "Beta", ["Phases[1].DescriptionEs"] = "La segunda",
        });
        created.ShouldRedirect(await created.Content.ReadAsStringAsync());
        var programme = await factory.WithDbAsync(db => db.Programmes.Include(p => p.Phases).AsNoTracking().SingleAsync());
        programme.Slug.ShouldBe("blue-ports-network");
        programme.Phases.OrderBy(f => f.Sequence).Select(f => (f.Label, f.StartYear, f.EndYear, f.DescriptionEs)).ShouldBe([("Alpha", 2019, 2021, null), ("Beta", null, null, "La segunda")]);
        var detail = await client.PageAsync(created.Headers.Location!.OriginalString);
        detail.QuerySelector("[role=status]")!.TextContent.ShouldContain("created");
        Squash(detail.QuerySelector("main")!.TextContent).ShouldContain("1 Alpha (2019–2021)");
        (await anonymous.GetDocumentAsync("/port-network")).Body!.TextContent.ShouldContain("Blue Ports Network");

        // Swap the order of the two phases, rename one, and add a third: the unique order index is respected.
        var url = $"/Admin/Programmes/Edit/{programme.Id}";
        var form = await client.PageAsync(url);
        var alphaRow = form.Value("input[name='Phases[0].Label']") == "Alpha" ? 0 : 1;
        using var edited = await client.SubmitAsync(form, "#record-form", new()
        {
            ["NameEn"] = "Blue Ports Network Renamed",
            [$"Phases[{alphaRow}].Sequence"] = "2", [$"Phases[{1 - alphaRow}].Sequence"] = "1", [$"Phases[{1 - alphaRow}].Label"] = "Beta prime",
            ["Phases[2].Sequence"] = "3", ["Phases[2].Label"] = "Gamma",
        }, url);
        edited.ShouldRedirect(await edited.Content.ReadAsStringAsync());
        var phases = await factory.WithDbAsync(db => db.ProgrammePhases.AsNoTracking().Where(f => f.ProgrammeId == programme.Id).OrderBy(f => f.Sequence).Select(f => f.Label).ToListAsync());
        phases.ShouldBe(["Beta prime", "Alpha", "Gamma"]);
        var network = (await anonymous.GetDocumentAsync("/port-network")).Body!.TextContent;
        network.ShouldContain("Blue Ports Network Renamed");
        network.ShouldContain("Gamma");

        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Programme" || e.EntityType == "ProgrammePhase").OrderBy(e => e.Id).ToListAsync());
        audit.Where(e => e.EntityType == "Programme").Select(e => e.Action).ShouldBe(["create", "update"]);
        audit.Count(e => e.EntityType == "ProgrammePhase" && e.Action == "create").ShouldBe(3);
        audit.ShouldAllBe(e => e.UserName == "maria@example.org");
        audit.Single(e => e.EntityType == "Programme" && e.Action == "update").Changes!.ShouldContain("Blue Ports Network Renamed");
    }

    [Fact]
    public async Task RemovingAPhaseOrDeletingAProgramme_ThatPortSystemsJoined_IsRefusedNamingThem_OtherwiseBothGo()
    {
        using var factory = new WebFactory();
        var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var used = Prog("Used", (1, "I"), (2, "II"));
        var unused = Prog("Unused", (1, "Only"));
        await factory.AddAsync(used, unused);
        var callao = new PortSystem { Slug = "callao", Name = "Port of Callao", CountryId = peru.Id };
        callao.Memberships.Add(new ProgrammeMembership { ProgrammeId = used.Id, PhaseId = used.Phases.Single(f => f.Sequence == 1).Id });
        await factory.AddAsync(callao);
        var client = await factory.SignedInStaffAsync();

        var page = await client.PageAsync($"/Admin/Programmes/Details/{used.Id}");
        Squash(page.QuerySelector("#delete-blocked")!.TextContent)
            .ShouldBe("This record cannot be deleted because other records use it: 1 port system (Port of Callao). Change or remove those first.");
        (await client.ForceDeleteAsync("Programmes", used.Id, used.Version)).ShouldRedirect();
        (await client.AlertAsync($"/Admin/Programmes/Details/{used.Id}")).ShouldContain("Port of Callao");

        var url = $"/Admin/Programmes/Edit/{used.Id}";
        var form = await client.PageAsync(url);
        var phaseOne = form.Value("input[name='Phases[0].Label']") == "I" ? 0 : 1;
        using var refused = await client.SubmitAsync(form, "#record-form", new() { [$"Phases[{phaseOne}].Remove"] = "true", [$"Phases[{1 - phaseOne}].Remove"] = "true" }, url);
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Squash((await ParseAsync(refused)).QuerySelector($"#f-Phases-{phaseOne}--Remove-error")!.TextContent)
            .ShouldBe("This phase cannot be removed: port systems joined in it (Port of Callao). Move them to another phase first.");
        (await factory.WithDbAsync(db => db.ProgrammePhases.CountAsync(f => f.ProgrammeId == used.Id))).ShouldBe(2);

        // The phase nobody joined in can go.
        (await client.SubmitAsync(url, "#record-form", new() { [$"Phases[{1 - phaseOne}].Remove"] = "true" })).ShouldRedirect();
        (await factory.WithDbAsync(db => db.ProgrammePhases.Where(f => f.ProgrammeId == used.Id).Select(f => f.Label).ToListAsync())).ShouldBe(["I"]);

        using var deleted = await client.SubmitAsync($"/Admin/Programmes/Details/{unused.Id}", "#delete-form", []);
        deleted.Headers.Location!.OriginalString.ShouldBe("/Admin/Programmes");
        (await factory.WithDbAsync(db => db.Programmes.AnyAsync(p => p.Id == unused.Id))).ShouldBeFalse();
        (await factory.WithDbAsync(db => db.ProgrammePhases.AnyAsync(f => f.ProgrammeId == unused.Id))).ShouldBeFalse();
        (await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "ProgrammePhase" && e.Action == "delete"))).ShouldBe(2);
        (await client.GetAsync($"/Admin/Programmes/Edit/{unused.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Edit_IgnoresOverPostedIds_AndAPhaseOfAnotherProgramme()
    {
        using var factory = new WebFactory();
        var mine = Prog("Mine", (1, "I"));
        var other = Prog("Other", (1, "Theirs"));
        await factory.AddAsync(mine, other);
        var client = await factory.SignedInStaffAsync();
        var url = $"/Admin/Programmes/Edit/{mine.Id}";

        using var foreign = await client.SubmitAsync(url, "#record-form", new()
        {
            ["Phases[1].Id"] = other.Phases.Single().Id.ToString(CultureInfo.InvariantCulture), ["Phases[1].Sequence"] = "2", ["Phases[1].Label"] = "Stolen",
        });
        foreign.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await factory.WithDbAsync(db => db.ProgrammePhases.AsNoTracking().SingleAsync(f => f.ProgrammeId == other.Id))).Label.ShouldBe("Theirs");

        (await client.SubmitAsync(url, "#record-form", new() { ["NameEn"] = "Mine renamed", ["Id"] = other.Id.ToString(CultureInfo.InvariantCulture) })).ShouldRedirect();
        (await factory.WithDbAsync(db => db.Programmes.AsNoTracking().SingleAsync(p => p.Id == other.Id))).NameEn.ShouldBe("Other");
        (await factory.WithDbAsync(db => db.Programmes.AsNoTracking().SingleAsync(p => p.Id == mine.Id))).NameEn.ShouldBe("Mine renamed");
    }

    [Fact]
    public async Task StaleEdit_IsRefused_OnSqlite() => await StaleEditScenarioAsync(new WebFactory());

    [PostgresFact]
    public async Task StaleEdit_IsRefused_OnPostgres() => await StaleEditScenarioAsync(await RecordTestKit.PostgresFactoryAsync(cluster));

    /// <summary>José changes only a phase; Ana's form, opened before, is refused (the programme's version moved) and shows his phases.</summary>
    private static async Task StaleEditScenarioAsync(WebFactory factory)
    {
        using var _ = factory;
        var programme = Prog("Original", (1, "I"));
        await factory.AddAsync(programme);
        var (ana, jose) = await factory.TwoEditorsAsync();
        var url = $"/Admin/Programmes/Edit/{programme.Id}";
        var anasForm = await ana.PageAsync(url);
        (await jose.SubmitAsync(url, "#record-form", new() { ["Phases[0].Label"] = "I–II", ["Phases[0].EndYear"] = "2024" })).ShouldRedirect();

        using var refused = await ana.SubmitAsync(anasForm, "#record-form", new() { ["NameEn"] = "Ana's name", ["DescriptionEs"] = "Texto de Ana" }, url);

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var page = await ParseAsync(refused);
        page.Value("#f-NameEn").ShouldBe("Ana's name");
        page.Value("#f-DescriptionEs").ShouldBe("Texto de Ana");
        page.ConflictItems().ShouldBe(["Phases: 1 I–II (2020–2024)"]);
        (await factory.WithDbAsync(db => db.Programmes.AsNoTracking().SingleAsync(p => p.Id == programme.Id))).NameEn.ShouldBe("Original");

        // Saving again deliberately keeps Ana's fields; the phase row she had open still carried the old label.
        (await ana.SubmitAsync(page, "#record-form", [], url)).ShouldRedirect();
        (await factory.WithDbAsync(db => db.Programmes.AsNoTracking().SingleAsync(p => p.Id == programme.Id))).NameEn.ShouldBe("Ana's name");
    }

    [Fact]
    public async Task Export_IsCsv_WithFormulasNeutralised()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(Prog("=HYPERLINK(\"x\")", (1, "I")));
        var client = await factory.SignedInStaffAsync();

        using var response = await client.GetAsync("/Admin/Programmes/Export?q=hyperlink");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Id,NameEn,NameEs,LeadOrganisation,Phases,PortSystems,UpdatedAtUtc");
        lines.Length.ShouldBe(2);
        lines[1].ShouldContain(",\"'=HYPERLINK(\"\"x\"\")\",");
    }
}
