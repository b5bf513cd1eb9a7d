using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Admin.Records;

/// <summary>/Admin/Participation: the totals and participating countries entered for historical activities, and the public activity page that shows them.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ParticipationRecordsTests(PostgresCluster cluster)
{
    private static readonly DateTime _past = WebFactory.DefaultNow.UtcDateTime.AddYears(-3);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task List_UsesAtMostFiveSqlCommands_TheSameFor10And1000Activities() =>
        await RecordTestKit.ShouldCostTheSameFor10And1000RowsAsync(async (factory, rows) =>
        {
            var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
            await factory.AddAsync([.. Enumerable.Range(0, rows).Select(i => NewActivity($"Forum {i:0000}", _past.AddDays(i % 200), a =>
            {
                a.Kind = ActivityKind.Forum;
                a.ReportedParticipants = i;
                a.ParticipatingCountries.Add(new ActivityCountry { CountryId = peru.Id, Participants = 3 });
            }))]);
            return $"/Admin/Participation?kind=Forum&year={_past.Year}&entered=yes&q=forum&sort=-participants";
        });

    [Fact]
    public async Task List_SearchesFiltersSortsAndPages_AndOffersNoCreateOrDelete()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(
            NewActivity("Old forum", _past, a => { a.Kind = ActivityKind.Forum; a.ReportedParticipants = 80; }),
            NewActivity("Older seminar", _past.AddYears(-1), a => a.Kind = ActivityKind.Seminar));
        await factory.AddAsync([.. Enumerable.Range(0, 30).Select(i => NewActivity($"Filler {i:00}", _past.AddDays(-i)))]);
        var client = await factory.SignedInStaffAsync();

        (await client.FirstColumnAsync("/Admin/Participation?q=forum")).ShouldBe(["Old forum"]);
        (await client.FirstColumnAsync("/Admin/Participation?entered=yes")).ShouldBe(["Old forum"]);
        (await client.FirstColumnAsync("/Admin/Participation?kind=Seminar")).ShouldBe(["Older seminar"]);
        (await client.FirstColumnAsync($"/Admin/Participation?year={_past.Year - 1}&q=older")).ShouldBe(["Older seminar"]);
        (await client.FirstColumnAsync("/Admin/Participation?q=filler&sort=-title&page=2")).ShouldBe(["Filler 04", "Filler 03", "Filler 02", "Filler 01", "Filler 00"]);
        (await client.FirstColumnAsync("/Admin/Participation?kind=Nope&year=x&entered=maybe&sort=%22")).Count.ShouldBe(25);

        (await client.GetAsync("/Admin/Participation/Create")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var detail = await client.PageAsync($"/Admin/Participation/Details/{await factory.WithDbAsync(db => db.Activities.Where(a => a.TitleEn == "Old forum").Select(a => a.Id).SingleAsync())}");
        detail.QuerySelector("#delete-form").ShouldBeNull();
        detail.QuerySelector("#delete-heading").ShouldBeNull();
    }

    private static string Count(Country country) => $"Countries[{Id(country.Id)}].Participants";

    private static string TookPart(Country country) => $"Countries[{Id(country.Id)}].TookPart";

    [Fact]
    public async Task Grid_ListsEveryCountry_MemberStatesFirstByRegion_InTheSameFewSqlCommandsWhateverTheNumberOfCountries()
    {
        using var factory = new WebFactory();
        var (peru, spain) = await factory.WithDbAsync(async db => (await CountryAsync(db, "PE", "Peru", "Perú"), await CountryAsync(db, "QZ", "Nowhere Isles", "Islas de Ninguna Parte", isMember: false)));
        var activity = NewActivity("Old forum", _past, a => a.ParticipatingCountries.Add(new ActivityCountry { CountryId = peru.Id, Participants = 12 }));
        await factory.AddAsync(activity);
        var client = await factory.SignedInStaffAsync();
        var countries = await factory.WithDbAsync(db => db.Countries.CountAsync());

        var page = await client.PageAsync($"/Admin/Participation/Edit/{activity.Id}");

        page.QuerySelectorAll(".staff-country-grid tbody tr").Length.ShouldBe(countries);
        var captions = page.QuerySelectorAll(".staff-country-grid caption").Select(c => Squash(c.TextContent)).ToList();
        captions[^1].ShouldBe("Other countries");
        captions[..^1].ShouldAllBe(c => c.StartsWith("Member states – ", StringComparison.Ordinal));
        page.QuerySelector("#country-grid-" + (captions.Count - 1) + " #country-" + Id(spain.Id)).ShouldNotBeNull();
        page.Value("#f-Countries-" + Id(peru.Id) + "--Participants").ShouldBe("12");

        // The countries in one command and the saved rows in another: 40 more countries, 20 of them taking part, cost nothing more.
        async Task<int> CommandsAsync()
        {
            await client.PageAsync("/Admin/Audit");
            factory.SqlCommands.Reset();
            await client.PageAsync($"/Admin/Participation/Edit/{activity.Id}");
            return factory.SqlCommands.Count;
        }

        var few = await CommandsAsync();
        await factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 40; i++)
            {
                var country = await CountryAsync(db, $"Q{(char)('A' + i / 10)}{i % 10}", $"Test land {i}", $"Tierra {i}", isMember: i % 2 == 0);
                if (i < 20)
                {
                    db.Add(new ActivityCountry { ActivityId = activity.Id, CountryId = country.Id, Participants = i + 1 });
                }
            }

            await db.SaveChangesAsync();
        });
        var many = await CommandsAsync();
        many.ShouldBe(few);
        many.ShouldBeLessThanOrEqualTo(8);
    }

    [Theory]
    [InlineData("en", "Peru: enter a whole number from 0 to 100,000.", "Chile: enter a whole number from 0 to 100,000.")]
    [InlineData("es", "Perú: escriba un número entero de 0 a 100.000.", "Chile: escriba un número entero de 0 a 100.000.")]
    public async Task Grid_BadNumbers_AreRefusedBesideTheirCountry_NothingTypedIsLost_AndNothingSaved(string culture, string negative, string notANumber)
    {
        using var factory = new WebFactory();
        var (peru, chile, mexico) = await factory.WithDbAsync(async db =>
            (await CountryAsync(db, "PE", "Peru", "Perú"), await CountryAsync(db, "CL", "Chile", "Chile"), await CountryAsync(db, "MX", "Mexico", "México")));
        var activity = NewActivity("Old forum", _past);
        await factory.AddAsync(activity);
        var client = await factory.SignedInStaffAsync();
        await client.GetAsync($"/language/{culture}");

        using var response = await client.SubmitAsync($"/Admin/Participation/Edit/{activity.Id}", "#record-form", new()
        {
            ["ReportedParticipants"] = "120", [Count(peru)] = "-3", [Count(chile)] = "abc", [Count(mexico)] = "25",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await ParseAsync(response);
        Squash(page.QuerySelector($"#f-Countries-{Id(peru.Id)}--Participants-error")!.TextContent).ShouldBe(negative);
        Squash(page.QuerySelector($"#f-Countries-{Id(chile.Id)}--Participants-error")!.TextContent).ShouldBe(notANumber);
        page.QuerySelectorAll("#error-summary li").Select(li => Squash(li.TextContent)).ShouldBe([negative, notANumber], ignoreOrder: true);
        page.Value("#f-ReportedParticipants").ShouldBe("120");
        page.Value($"#f-Countries-{Id(peru.Id)}--Participants").ShouldBe("-3");
        page.Value($"#f-Countries-{Id(chile.Id)}--Participants").ShouldBe("abc");
        page.Value($"#f-Countries-{Id(mexico.Id)}--Participants").ShouldBe("25");
        var saved = await factory.WithDbAsync(db => db.Activities.Include(a => a.ParticipatingCountries).AsNoTracking().SingleAsync(a => a.Id == activity.Id));
        saved.ReportedParticipants.ShouldBeNull();
        saved.ParticipatingCountries.ShouldBeEmpty();
    }

    [Fact]
    public async Task Grid_OneSaveOfSeveralCountries_Audits_AndThePublicCountsFollow()
    {
        using var factory = new WebFactory();
        var (peru, chile, mexico, spain) = await factory.WithDbAsync(async db => (await CountryAsync(db, "PE", "Peru", "Perú"), await CountryAsync(db, "CL", "Chile", "Chile"),
            await CountryAsync(db, "MX", "Mexico", "México"), await CountryAsync(db, "QZ", "Nowhere Isles", "Islas de Ninguna Parte", isMember: false)));
        var activity = NewActivity("Historic port forum", _past, a => a.ParticipatingCountries.Add(new ActivityCountry { CountryId = mexico.Id, Participants = 4 }));
        await factory.AddAsync(activity);
        var client = await factory.SignedInStaffAsync("maria@example.org");
        var anonymous = factory.CreateClient();
        var publicUrl = $"/activities/{activity.Slug}";
        var detail = await client.PageAsync($"/Admin/Participation/Details/{activity.Id}");
        detail.QuerySelector("#edit-record")!.GetAttribute("href").ShouldBe($"/Admin/Participation/Edit/{activity.Id}");
        (await client.PageAsync($"/Admin/Activities/Edit/{activity.Id}")).QuerySelector("#participation-grid-link")!.GetAttribute("href").ShouldBe($"/Admin/Participation/Edit/{activity.Id}");

        (await client.SubmitAsync($"/Admin/Participation/Edit/{activity.Id}", "#record-form", new()
        {
            ["ReportedParticipants"] = "143", [Count(peru)] = "40", [Count(chile)] = "", [TookPart(chile)] = "true", [Count(spain)] = "3", [Count(mexico)] = "",
        })).ShouldRedirect();

        var saved = await factory.WithDbAsync(db => db.Activities.Include(a => a.ParticipatingCountries).AsNoTracking().SingleAsync(a => a.Id == activity.Id));
        saved.ReportedParticipants.ShouldBe(143);
        saved.ParticipatingCountries.Select(c => (c.CountryId, c.Participants)).ShouldBe([(peru.Id, 40), (chile.Id, (int?)null), (spain.Id, 3)], ignoreOrder: true);
        var participation = (await anonymous.GetDocumentAsync(publicUrl)).QuerySelector("#participation")!;
        Squash(participation.QuerySelector("#member-states-represented")!.TextContent).ShouldEndWith(" 2");
        Squash(participation.QuerySelector("#countries-represented")!.TextContent).ShouldEndWith(" 3");
        Squash(participation.TextContent).ShouldNotContain("Mexico");

        // Opened again, the grid shows what was saved; Chile took part without a number.
        var form = await client.PageAsync($"/Admin/Participation/Edit/{activity.Id}");
        form.Value($"#f-Countries-{Id(peru.Id)}--Participants").ShouldBe("40");
        form.QuerySelector($"#f-Countries-{Id(chile.Id)}--Participants-took")!.HasAttribute("checked").ShouldBeTrue();
        form.QuerySelector($"#f-Countries-{Id(peru.Id)}--Participants-took")!.HasAttribute("checked").ShouldBeFalse();

        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Activity" && e.Action == "update").ToListAsync());
        audit.Count.ShouldBe(1);
        audit[0].UserName.ShouldBe("maria@example.org");
        audit[0].Changes!.ShouldContain("143");
    }

    [Fact]
    public async Task StaleEdit_IsRefused_OnSqlite() => await StaleEditScenarioAsync(new WebFactory());

    [PostgresFact]
    public async Task StaleEdit_IsRefused_OnPostgres() => await StaleEditScenarioAsync(await RecordTestKit.PostgresFactoryAsync(cluster));

    /// <summary>José adds a country only; Ana's form, opened before, is refused and names it.</summary>
    private static async Task StaleEditScenarioAsync(WebFactory factory)
    {
        using var _ = factory;
        var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var activity = NewActivity("Old forum", _past);
        await factory.AddAsync(activity);
        var (ana, jose) = await factory.TwoEditorsAsync();
        var url = $"/Admin/Participation/Edit/{activity.Id}";
        var anasForm = await ana.PageAsync(url);
        (await jose.SubmitAsync(url, "#record-form", new() { [Count(peru)] = "9" })).ShouldRedirect();

        using var refused = await ana.SubmitAsync(anasForm, "#record-form", new() { ["ReportedParticipants"] = "77", [Count(peru)] = "5" }, url);

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var page = await ParseAsync(refused);
        page.Value("#f-ReportedParticipants").ShouldBe("77");
        page.Value($"#f-Countries-{Id(peru.Id)}--Participants").ShouldBe("5");
        page.ConflictItems().ShouldBe(["Participating countries: Peru 9"]);
        (await factory.WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Id == activity.Id))).ReportedParticipants.ShouldBeNull();

        (await ana.SubmitAsync(page, "#record-form", [], url)).ShouldRedirect();
        var saved = await factory.WithDbAsync(db => db.Activities.Include(a => a.ParticipatingCountries).AsNoTracking().SingleAsync(a => a.Id == activity.Id));
        saved.ReportedParticipants.ShouldBe(77);
        saved.ParticipatingCountries.Single().Participants.ShouldBe(5);
    }

    [Fact]
    public async Task Export_IsCsv_WithFormulasNeutralised()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(NewActivity("=1+2 forum", _past, a => a.ReportedParticipants = 12));
        var client = await factory.SignedInStaffAsync();

        var lines = (await client.GetStringAsync("/Admin/Participation/Export?q=forum")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Id,Activity,StartsAtUtc,Kind,TitleEn,ReportedParticipants,ReportedMemberStates,Countries,Registrations");
        lines.Length.ShouldBe(2);
        lines[1].ShouldContain(",Webinar,'=1+2 forum,12,,0,0");
    }
}
