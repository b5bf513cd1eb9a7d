using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Admin.Records;

/// <summary>/Admin/SpeakingEngagements: every field of an engagement, its audience countries, and the public country page that lists it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SpeakingEngagementRecordsTests(PostgresCluster cluster)
{
    private static SpeakingEngagement Talk(string title, DateOnly date, Action<SpeakingEngagement>? change = null)
    {
        var talk = new SpeakingEngagement { TitleEn = title, TitleEs = title + " (ES)", Date = date, OrganiserName = "Port Forum" };
        change?.Invoke(talk);
        return talk;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task List_UsesAtMostFiveSqlCommands_TheSameFor10And1000Engagements()
    {
        await RecordTestKit.ShouldCostTheSameFor10And1000RowsAsync(async (factory, rows) =>
        {
            var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
            await factory.AddAsync([.. Enumerable.Range(0, rows).Select(i => Talk($"Keynote {i:0000}", new DateOnly(2024, 1, 1).AddDays(i % 300), t =>
            {
                t.IsOnline = true;
                t.Countries.Add(new SpeakingEngagementCountry { CountryId = peru.Id });
            }))]);
            return $"/Admin/SpeakingEngagements?year=2024&mode=online&country={peru.Id}&q=keynote&sort=-audience";
        });
    }

    [Fact]
    public async Task List_SearchesFiltersSortsAndPages()
    {
        using var factory = new WebFactory();
        var organiser = new Organisation { Slug = "imo", NameEn = "International Maritime Organization", Type = OrganisationType.InternationalOrganisation };
        await factory.AddAsync(organiser);
        await factory.AddAsync(
            Talk("Ports and climate", new DateOnly(2023, 5, 2), t => { t.OrganiserId = organiser.Id; t.OrganiserName = null; t.AudienceSize = 400; }),
            Talk("Digital corridors", new DateOnly(2024, 6, 1), t => { t.IsOnline = true; t.Speaker = "Ana Pérez"; t.AudienceSize = 50; }));
        await factory.AddAsync([.. Enumerable.Range(0, 30).Select(i => Talk($"Filler {i:00}", new DateOnly(2020, 1, 1 + i)))]);
        var client = await factory.SignedInStaffAsync();

        (await client.FirstColumnAsync("/Admin/SpeakingEngagements?q=maritime")).ShouldBe(["Ports and climate"]);
        (await client.FirstColumnAsync("/Admin/SpeakingEngagements?q=p%C3%A9rez")).ShouldBe(["Digital corridors"]);
        (await client.FirstColumnAsync("/Admin/SpeakingEngagements?mode=online")).ShouldBe(["Digital corridors"]);
        (await client.FirstColumnAsync("/Admin/SpeakingEngagements?year=2023")).ShouldBe(["Ports and climate"]);
        (await client.FirstColumnAsync("/Admin/SpeakingEngagements?sort=-audience")).Take(2).ShouldBe(["Ports and climate", "Digital corridors"]);
        (await client.FirstColumnAsync("/Admin/SpeakingEngagements?q=filler&sort=-title&page=2")).ShouldBe(["Filler 04", "Filler 03", "Filler 02", "Filler 01", "Filler 00"]);
        (await client.FirstColumnAsync("/Admin/SpeakingEngagements?year=abc&mode=zz&country=x&sort=%3C")).Count.ShouldBe(25);
    }

    [Theory]
    [InlineData("en", "Title (English) is required.", "Date is required.", "Choose an organiser on file or type the organiser's name.", "Audience must be between 0 and 1000000.")]
    [InlineData("es", "El campo «Título (inglés)» es obligatorio.", "El campo «Fecha» es obligatorio.", "Elija un organizador registrado o escriba el nombre del organizador.", "Público debe estar entre 0 y 1000000.")]
    public async Task Create_Invalid_ShowsEachMessageBesideItsField_AndKeepsWhatWasTyped(string culture, string title, string date, string organiser, string audience)
    {
        using var factory = new WebFactory();
        var client = await factory.SignedInStaffAsync();
        await client.GetAsync($"/language/{culture}");

        using var response = await client.SubmitAsync("/Admin/SpeakingEngagements/Create", "#record-form", new()
        {
            ["TitleEn"] = "", ["TitleEs"] = "Conferencia magistral", ["NotesEs"] = "Notas escritas", ["AudienceSize"] = "-5", ["Speaker"] = "José Gómez",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await ParseAsync(response);
        Squash(page.QuerySelector("#f-TitleEn-error")!.TextContent).ShouldBe(title);
        Squash(page.QuerySelector("#f-Date-error")!.TextContent).ShouldBe(date);
        Squash(page.QuerySelector("#f-OrganiserName-error")!.TextContent).ShouldBe(organiser);
        Squash(page.QuerySelector("#f-AudienceSize-error")!.TextContent).ShouldBe(audience);
        page.Value("#f-TitleEs").ShouldBe("Conferencia magistral");
        page.Value("#f-NotesEs").ShouldBe("Notas escritas");
        page.Value("#f-Speaker").ShouldBe("José Gómez");
        page.Value("#f-AudienceSize").ShouldBe("-5");
        (await factory.WithDbAsync(db => db.SpeakingEngagements.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Create_WithEveryField_ThenEdit_SavesAudits_AndThePublicCountryPageFollows()
    {
        using var factory = new WebFactory();
        var (peru, chile) = await factory.WithDbAsync(async db => (await CountryAsync(db, "PE", "Peru", "Perú"), await CountryAsync(db, "CL", "Chile", "Chile")));
        var organiser = new Organisation { Slug = "apn", NameEn = "National Port Authority", Type = OrganisationType.NationalPortAuthority };
        await factory.AddAsync(organiser);
        var client = await factory.SignedInStaffAsync("maria@example.org");
        var anonymous = factory.CreateClient();
        (await anonymous.GetDocumentAsync("/member-states/pe")).Body!.TextContent.ShouldNotContain("Port Days keynote");

        var form = await client.PageAsync("/Admin/SpeakingEngagements/Create");
        var fields = StaffClient.FieldsOf((AngleSharp.Html.Dom.IHtmlFormElement)form.QuerySelector("#record-form")!);
        fields.RemoveAll(f => f.Key is "IsOnline");
        fields.AddRange([
            new("TitleEn", "Port Days keynote"), new("TitleEs", "Conferencia de Días del Puerto"), new("NotesEn", "Opening talk."), new("NotesEs", "Charla inaugural."),
            new("OrganiserId", Id(organiser.Id)), new("OrganiserName", ""), new("Date", "2031-10-05"), new("Speaker", "Ana Pérez"), new("IsOnline", "true"), new("IsOnline", "false"),
            new("AudienceSize", "250"), new("AudienceCountryCount", "12"), new("CountryIds", Id(peru.Id)), new("CountryIds", Id(chile.Id)),
        ]);
        fields.RemoveAll(f => f.Value.Length == 0 && f.Key is "TitleEn" or "TitleEs" or "NotesEn" or "NotesEs" or "Date" or "Speaker" or "AudienceSize" or "AudienceCountryCount" or "OrganiserId");
        using var created = await client.PostAsync("/Admin/SpeakingEngagements/Create", new FormUrlEncodedContent(fields));
        created.ShouldRedirect(await created.Content.ReadAsStringAsync());

        var saved = await factory.WithDbAsync(db => db.SpeakingEngagements.Include(e => e.Countries).AsNoTracking().SingleAsync());
        (saved.TitleEs, saved.NotesEn, saved.NotesEs, saved.OrganiserId, saved.Date, saved.Speaker, saved.IsOnline, saved.AudienceSize, saved.AudienceCountryCount)
            .ShouldBe(("Conferencia de Días del Puerto", "Opening talk.", "Charla inaugural.", (int?)organiser.Id, new DateOnly(2031, 10, 5), "Ana Pérez", true, (int?)250, (int?)12));
        saved.Countries.Select(c => c.CountryId).ShouldBe([peru.Id, chile.Id], ignoreOrder: true);
        var detail = Squash((await client.PageAsync(created.Headers.Location!.OriginalString)).QuerySelector("main")!.TextContent);
        detail.ShouldContain("Organiser on file National Port Authority");
        detail.ShouldContain("Chile");
        (await anonymous.GetDocumentAsync("/member-states/pe")).Body!.TextContent.ShouldContain("Port Days keynote");

        // Editing only the audience countries drops Peru: its public page no longer lists the talk; the title change shows on Chile's.
        var url = $"/Admin/SpeakingEngagements/Edit/{saved.Id}";
        var edit = StaffClient.FieldsOf((AngleSharp.Html.Dom.IHtmlFormElement)(await client.PageAsync(url)).QuerySelector("#record-form")!);
        edit.RemoveAll(f => f.Key == "CountryIds" && f.Value == Id(peru.Id) || f.Key == "TitleEn");
        edit.Add(new("TitleEn", "Port Days keynote, revised"));
        (await client.PostAsync(url, new FormUrlEncodedContent(edit))).ShouldRedirect();
        (await anonymous.GetDocumentAsync("/member-states/pe")).Body!.TextContent.ShouldNotContain("Port Days keynote");
        (await anonymous.GetDocumentAsync("/member-states/cl")).Body!.TextContent.ShouldContain("Port Days keynote, revised");

        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "SpeakingEngagement").OrderBy(e => e.Id).ToListAsync());
        audit.Select(e => e.Action).ShouldBe(["create", "update"]);
        audit.ShouldAllBe(e => e.UserName == "maria@example.org");
        audit[1].Changes!.ShouldContain("Port Days keynote, revised");

        (await client.SubmitAsync($"/Admin/SpeakingEngagements/Details/{saved.Id}", "#delete-form", [])).ShouldRedirect();
        (await factory.WithDbAsync(db => db.SpeakingEngagements.CountAsync())).ShouldBe(0);
        (await anonymous.GetDocumentAsync("/member-states/cl")).Body!.TextContent.ShouldNotContain("Port Days keynote");
        (await client.GetAsync($"/Admin/SpeakingEngagements/Edit/{saved.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task StaleEdit_IsRefused_OnSqlite() => await StaleEditScenarioAsync(new WebFactory());

    [PostgresFact]
    public async Task StaleEdit_IsRefused_OnPostgres() => await StaleEditScenarioAsync(await RecordTestKit.PostgresFactoryAsync(cluster));

    /// <summary>José changes the audience countries and the speaker; Ana's form, opened before, is refused and shows both.</summary>
    private static async Task StaleEditScenarioAsync(WebFactory factory)
    {
        using var _ = factory;
        var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var talk = Talk("Original talk", new DateOnly(2030, 3, 3));
        await factory.AddAsync(talk);
        var (ana, jose) = await factory.TwoEditorsAsync();
        var url = $"/Admin/SpeakingEngagements/Edit/{talk.Id}";
        var anasForm = await ana.PageAsync(url);
        (await jose.SubmitAsync(url, "#record-form", new() { ["CountryIds"] = Id(peru.Id), ["Speaker"] = "José" })).ShouldRedirect();

        using var refused = await ana.SubmitAsync(anasForm, "#record-form", new() { ["TitleEn"] = "Ana's title", ["NotesEs"] = "Notas de Ana" }, url);

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var page = await ParseAsync(refused);
        page.Value("#f-TitleEn").ShouldBe("Ana's title");
        page.Value("#f-NotesEs").ShouldBe("Notas de Ana");
        page.ConflictItems().ShouldBe(["Speaker: José", "Countries in the audience: Peru"], ignoreOrder: true);
        (await factory.WithDbAsync(db => db.SpeakingEngagements.AsNoTracking().SingleAsync(e => e.Id == talk.Id))).TitleEn.ShouldBe("Original talk");

        (await ana.SubmitAsync(page, "#record-form", [], url)).ShouldRedirect();
        (await factory.WithDbAsync(db => db.SpeakingEngagements.AsNoTracking().SingleAsync(e => e.Id == talk.Id))).TitleEn.ShouldBe("Ana's title");
    }

    [Fact]
    public async Task Export_IsCsv_WithFormulasNeutralised()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(Talk("@SUM(1+1)", new DateOnly(2029, 1, 2), t => t.Speaker = "=2+3"));
        var client = await factory.SignedInStaffAsync();

        var lines = (await client.GetStringAsync("/Admin/SpeakingEngagements/Export?q=sum")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Id,Date,TitleEn,TitleEs,Organiser,Speaker,Online,AudienceSize,Countries,UpdatedAtUtc");
        lines.Length.ShouldBe(2);
        lines[1].ShouldContain(",2029-01-02,'@SUM(1+1),'@SUM(1+1) (ES),Port Forum,'=2+3,False,,0,");
    }
}
