using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Admin.Records;

public sealed class ScholarshipAwardRecordsTests
{
    private static ScholarshipAward Award(int countryId, string name, decimal amount, DateOnly on) =>
        new() { RecipientName = name, CountryId = countryId, ProgrammeName = "Port management course", AmountUsd = amount, AwardedOn = on };

    [Fact]
    public async Task List_UsesAtMostSixSqlCommands_TheSameFor10And1000Awards()
    {
        var counts = new List<int>();
        foreach (var rows in new[] { 10, 1000 })
        {
            using var factory = new WebFactory();
            var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
            await factory.AddAsync([.. Enumerable.Range(0, rows).Select(i => Award(peru.Id, $"Person {i:0000}", 1000 + i, new DateOnly(2020, 1, 1).AddDays(i % 300)))]);
            var client = await factory.SignedInStaffAsync();
            counts.Add(await RecordTestKit.ListCommandsAsync(factory, client, $"/Admin/ScholarshipAwards?country={peru.Id}&year=2020&q=person&sort=-amount", Math.Min(rows, 25)));
        }

        // A list's five, and one for the totals line under it.
        counts[0].ShouldBeLessThanOrEqualTo(6);
        counts[1].ShouldBe(counts[0]);
    }

    [Fact]
    public async Task List_FiltersByCountryAndYear_SortsByAmount()
    {
        using var factory = new WebFactory();
        var (peru, chile) = await factory.WithDbAsync(async db => (await CountryAsync(db, "PE", "Peru", "Perú"), await CountryAsync(db, "CL", "Chile", "Chile")));
        await factory.AddAsync(
            Award(peru.Id, "Ana", 900.5m, new DateOnly(2019, 3, 1)), Award(peru.Id, "Bruno", 2500m, new DateOnly(2019, 5, 1)),
            Award(chile.Id, "Carla", 1200m, new DateOnly(2020, 2, 1)));
        var client = await factory.SignedInStaffAsync();

        (await client.FirstColumnAsync($"/Admin/ScholarshipAwards?country={peru.Id}&sort=-amount")).ShouldBe(["Bruno", "Ana"]);
        (await client.FirstColumnAsync("/Admin/ScholarshipAwards?year=2020")).ShouldBe(["Carla"]);
        (await client.FirstColumnAsync("/Admin/ScholarshipAwards?sort=amount")).ShouldBe(["Ana", "Carla", "Bruno"]);
        (await client.FirstColumnAsync("/Admin/ScholarshipAwards?q=management&year=x&country=y")).Count.ShouldBe(3);
    }

    [Theory]
    [InlineData("en", "Choose a course on file or enter the programme's name.", "Enter an amount in US dollars, e.g. 1500.50.")]
    [InlineData("es", "Elija un curso registrado o ingrese el nombre del programa.", "Ingrese un monto en dólares, p. ej. 1500,50.")]
    public async Task Create_ValidatesBesideTheFields_ThenSavesAmountsTheSameWayInBothLanguages(string culture, string course, string amount)
    {
        using var factory = new WebFactory();
        var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var client = await factory.SignedInStaffAsync();
        await client.GetAsync($"/language/{culture}");

        using var invalid = await client.SubmitAsync("/Admin/ScholarshipAwards/Create", "#record-form", new()
        {
            ["RecipientName"] = "Lucía Pérez", ["CountryId"] = peru.Id.ToString(CultureInfo.InvariantCulture), ["AmountUsd"] = "1.500,00", ["AwardedOn"] = "2031-05-02",
        });
        invalid.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await ParseAsync(invalid);
        Squash(page.QuerySelector("#f-ProgrammeName-error")!.TextContent).ShouldBe(course);
        Squash(page.QuerySelector("#f-AmountUsd-error")!.TextContent).ShouldBe(amount);
        page.Value("#f-RecipientName").ShouldBe("Lucía Pérez");

        using var created = await client.SubmitAsync("/Admin/ScholarshipAwards/Create", "#record-form", new()
        {
            ["RecipientName"] = "Lucía Pérez", ["CountryId"] = peru.Id.ToString(CultureInfo.InvariantCulture), ["AmountUsd"] = culture == "es" ? "1500,50" : "1500.50",
            ["AwardedOn"] = "2031-05-02", ["ProgrammeName"] = "Port logistics diploma", ["Gender"] = "Female",
        });
        created.ShouldRedirect(await created.Content.ReadAsStringAsync());
        var saved = await factory.WithDbAsync(db => db.ScholarshipAwards.AsNoTracking().SingleAsync());
        (saved.AmountUsd, saved.AwardedOn, saved.Gender, saved.ProgrammeName).ShouldBe((1500.50m, new DateOnly(2031, 5, 2), Gender.Female, "Port logistics diploma"));
        (await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "ScholarshipAward" && e.Action == "create"))).ShouldBe(1);
    }

    [Fact]
    public async Task StaleEdit_IsRefused_AndDeleteWorks()
    {
        using var factory = new WebFactory();
        var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var award = Award(peru.Id, "Mario", 1000m, new DateOnly(2030, 1, 1));
        await factory.AddAsync(award);
        var ana = await factory.SignedInStaffAsync("ana@example.org");
        var jose = await factory.SignedInStaffAsync("jose@example.org");
        var url = $"/Admin/ScholarshipAwards/Edit/{award.Id}";
        var anasForm = await ana.PageAsync(url);
        (await jose.SubmitAsync(url, "#record-form", new() { ["AmountUsd"] = "1250" })).ShouldRedirect();

        using var refused = await ana.SubmitAsync(anasForm, "#record-form", new() { ["RecipientName"] = "Mario Rossi" }, url);

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var page = await ParseAsync(refused);
        page.QuerySelectorAll("#conflict-summary li").Select(li => Squash(li.TextContent)).ShouldBe(["Amount (USD): 1250.00"]);
        page.Value("#f-RecipientName").ShouldBe("Mario Rossi");

        (await ana.SubmitAsync($"/Admin/ScholarshipAwards/Details/{award.Id}", "#delete-form", [])).ShouldRedirect();
        (await factory.WithDbAsync(db => db.ScholarshipAwards.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Export_IsCsv_WithFormulasNeutralised()
    {
        using var factory = new WebFactory();
        var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        await factory.AddAsync(Award(peru.Id, "=1+2", 10m, new DateOnly(2030, 1, 1)));
        var client = await factory.SignedInStaffAsync();

        var csv = (await client.GetStringAsync("/Admin/ScholarshipAwards/Export")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        csv[0].ShouldBe("Id,RecipientName,Gender,Country,Course,AmountUsd,AwardedOn,UpdatedAtUtc");
        csv[1].ShouldContain(",'=1+2,,PE,Port management course,10.00,2030-01-01,");
    }
}
