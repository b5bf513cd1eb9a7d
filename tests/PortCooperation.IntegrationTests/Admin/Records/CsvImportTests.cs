using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Admin.Records;

/// <summary>Bulk CSV import: preview with errors by line and column, nothing written until valid, then one transaction with its audit entries.</summary>
public sealed class CsvImportTests
{
    private const string AwardsHeader = "RecipientName,Gender,Country,Course,ProgrammeName,AmountUsd,AwardedOn\r\n";

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string kind, string csv) => UploadAsync(client, kind, Encoding.UTF8.GetBytes(csv));

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string kind, byte[] csv, int? activityId = null)
    {
        var page = await client.PageAsync($"/Admin/Imports?kind={kind}");
        var token = page.QuerySelector("#import-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(kind), "kind" },
            { new StringContent(activityId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""), "activityId" },
            { new ByteArrayContent(csv), "file", "import.csv" },
        };
        return await client.PostAsync("/Admin/Imports/Preview", content);
    }

    [Fact]
    public async Task AwardsPreview_ListsEachErrorByLineAndColumn_AndWritesNothing()
    {
        using var factory = new WebFactory();
        await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var client = await factory.SignedInStaffAsync();

        using var response = await UploadAsync(client, "awards", AwardsHeader
            + "Ana Torres,Female,PE,,Port management,1500.50,2024-05-31\r\n"
            + ",Robot,XX,,,12abc,31/05/2024\r\n"
            + "Bruno Díaz,,PE,no-such-course,Other programme,900,2024-06-01\r\n");

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await ParseAsync(response);
        var errors = page.QuerySelectorAll("#import-errors tbody tr").Select(tr => string.Join(" | ", tr.Children.Select(td => Squash(td.TextContent)))).ToList();
        errors.ShouldBe(
        [
            "3 | RecipientName | RecipientName is required.",
            "3 | Gender | Use one of: M, F, H, male, female, hombre, mujer.",
            "3 | Country | No country has this ISO code.",
            "3 | ProgrammeName | Choose a course on file or enter the programme's name.",
            "3 | AmountUsd | Enter an amount in US dollars, e.g. 1500.50.",
            "3 | AwardedOn | Enter the date as YYYY-MM-DD.",
            "4 | Course | No activity has this address name.",
        ]);
        page.QuerySelector("#confirm-form").ShouldBeNull();
        (await factory.WithDbAsync(db => db.ScholarshipAwards.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task AMissingColumn_IsReportedOnLine1()
    {
        using var factory = new WebFactory();
        var client = await factory.SignedInStaffAsync();

        using var response = await UploadAsync(client, "awards", "RecipientName,Country\r\nAna,PE\r\n");

        var page = await ParseAsync(response);
        page.QuerySelectorAll("#import-errors tbody tr td:nth-child(2)").Select(td => td.TextContent)
            .ShouldBe(["Gender", "Course", "AmountUsd", "AwardedOn"]);
        page.QuerySelectorAll("#import-errors tbody tr td:first-child").Select(td => td.TextContent).Distinct().ShouldBe(["1"]);
    }

    [Fact]
    public async Task AValidAwardsFile_IsWrittenOnConfirm_AllRowsInOneGo_WithAnAuditEntryEach_AndOnlyOnce()
    {
        using var factory = new WebFactory();
        await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var course = NewActivity("Port logistics course", new DateTime(2024, 4, 1, 14, 0, 0, DateTimeKind.Utc), a => { a.Kind = ActivityKind.Course; a.Slug = "port-logistics-2024"; });
        await factory.AddAsync(course);
        var client = await factory.SignedInStaffAsync("importer@example.org");

        using var preview = await UploadAsync(client, "awards", AwardsHeader
            + "Ana Torres,Female,PE,,Port management,1500.50,2024-05-31\r\n"
            + "\"Díaz, Bruno\",male,pe,port-logistics-2024,,900,2024-06-01\r\n");
        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await ParseAsync(preview);
        page.QuerySelector("#import-valid")!.TextContent.ShouldContain("No errors in 2 rows");
        page.QuerySelectorAll("#import-lines tbody tr").Select(tr => tr.GetAttribute("data-outcome")).ShouldBe(["new", "new"]);
        (await factory.WithDbAsync(db => db.ScholarshipAwards.CountAsync())).ShouldBe(0);
        Directory.GetFiles(Path.Combine(factory.DataDirectory, "imports")).Length.ShouldBe(1);

        // A tampered fingerprint finds no file to write.
        using (var tampered = await client.SubmitAsync(page, "#confirm-form", new() { ["hash"] = new string('0', 64) }, "/Admin/Imports/Preview"))
        {
            tampered.ShouldRedirect();
        }

        (await factory.WithDbAsync(db => db.ScholarshipAwards.CountAsync())).ShouldBe(0);

        using var confirmed = await client.SubmitAsync(page, "#confirm-form", [], "/Admin/Imports/Preview");
        confirmed.ShouldRedirect();
        confirmed.Headers.Location!.OriginalString.ShouldBe("/Admin/ScholarshipAwards");
        var awards = await factory.WithDbAsync(db => db.ScholarshipAwards.AsNoTracking().OrderBy(a => a.RecipientName).ToListAsync());
        awards.Select(a => (a.RecipientName, a.Gender, a.AmountUsd, a.ActivityId, a.ProgrammeName)).ShouldBe(
        [
            ("Ana Torres", Gender.Female, 1500.50m, (int?)null, "Port management"),
            ("Díaz, Bruno", Gender.Male, 900m, course.Id, null),
        ]);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "ScholarshipAward").ToListAsync());
        audit.Count.ShouldBe(2);
        audit.ShouldAllBe(e => e.Action == "create" && e.UserName == "importer@example.org");
        audit.Select(e => e.CorrelationId).Distinct().Count().ShouldBe(1);
        (await client.PageAsync("/Admin/ScholarshipAwards")).QuerySelector("[role=status]")!.TextContent.ShouldContain("2 rows imported.");

        // The pending file is gone: confirming twice writes nothing more.
        (await client.SubmitAsync(page, "#confirm-form", [], "/Admin/Imports/Preview")).ShouldRedirect();
        (await factory.WithDbAsync(db => db.ScholarshipAwards.CountAsync())).ShouldBe(2);
    }

    [Fact]
    public async Task Confirm_WritesNothing_WhenTheDataChangedSinceThePreview()
    {
        using var factory = new WebFactory();
        var chile = await factory.WithDbAsync(db => CountryAsync(db, "CL", "Chile", "Chile"));
        var client = await factory.SignedInStaffAsync();
        using var preview = await UploadAsync(client, "awards", AwardsHeader
            + "Ana,,CL,,Course A,100,2024-01-01\r\n" + "Bea,,PE,,Course B,100,2024-01-01\r\n".Replace("PE", "CL", StringComparison.Ordinal));
        var page = await ParseAsync(preview);
        page.QuerySelector("#confirm-form").ShouldNotBeNull();
        await factory.WithDbAsync(async db =>
        {
            db.Countries.Remove(await db.Countries.SingleAsync(c => c.Id == chile.Id));
            await db.SaveChangesAsync();
        });

        using var confirmed = await client.SubmitAsync(page, "#confirm-form", [], "/Admin/Imports/Preview");

        confirmed.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await ParseAsync(confirmed)).QuerySelectorAll("#import-errors tbody tr").Length.ShouldBe(2);
        (await factory.WithDbAsync(db => db.ScholarshipAwards.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task ParticipationTotals_OfPastActivities_AreImported_FutureOnesAndDuplicatesRefused()
    {
        using var factory = new WebFactory();
        var past = NewActivity("Seminar 2019", new DateTime(2019, 5, 1, 14, 0, 0, DateTimeKind.Utc), a => a.Slug = "seminar-2019");
        var future = NewActivity("Next year", WebFactory.DefaultNow.UtcDateTime.AddDays(100), a => a.Slug = "next-year");
        await factory.AddAsync(past, future);
        var client = await factory.SignedInStaffAsync();

        using var refused = await UploadAsync(client, "participation",
            "Activity,ReportedParticipants,ReportedMemberStates\r\nseminar-2019,120,14\r\nnext-year,5,\r\nseminar-2019,,-3\r\n");
        var errors = (await ParseAsync(refused)).QuerySelectorAll("#import-errors tbody tr").Select(tr => Squash(tr.Children[0].TextContent) + ":" + Squash(tr.Children[1].TextContent)).ToList();
        errors.ShouldBe(["3:Activity", "4:Activity", "4:ReportedMemberStates"]);

        using var valid = await UploadAsync(client, "participation", "Activity,ReportedParticipants,ReportedMemberStates\r\nseminar-2019,120,14\r\n");
        (await client.SubmitAsync(await ParseAsync(valid), "#confirm-form", [], "/Admin/Imports/Preview")).ShouldRedirect();
        var saved = await factory.WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Id == past.Id));
        (saved.ReportedParticipants, saved.ReportedMemberStates).ShouldBe((120, 14));
        (await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "Activity" && e.Action == "update"))).ShouldBe(1);
    }

    [Fact]
    public async Task NoFile_IsRefusedBesideTheField()
    {
        using var factory = new WebFactory();
        var client = await factory.SignedInStaffAsync();
        var page = await client.PageAsync("/Admin/Imports?kind=awards");
        var token = page.QuerySelector("#import-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("awards"), "kind" } };

        using var response = await client.PostAsync("/Admin/Imports/Preview", content);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Squash((await ParseAsync(response)).QuerySelector("#f-file-error")!.TextContent).ShouldBe("Choose a CSV file.");
    }

    [Fact]
    public async Task ASemicolonFileInWindows1252_WithGenderLetters_IsRead_AndTheSameFileAgainIsAllDuplicates()
    {
        using var factory = new WebFactory();
        await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var client = await factory.SignedInStaffAsync();
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(
            "RecipientName;Gender;Country;Course;ProgrammeName;AmountUsd;AwardedOn\r\n"
            + "José Núñez;H;Perú;;Gestión portuaria;1500,50;2024-05-31\r\n"
            + "Ana Torres;F;PE;;Gestión portuaria;900;2024-06-01\r\n"
            + "Lee Chen;;peru;;Gestión portuaria;900;2024-06-01\r\n"
            + "Ana Torres;mujer;PE;;Gestión portuaria;900;2024-09-01\r\n");

        using var preview = await UploadAsync(client, "awards", bytes);

        var page = await ParseAsync(preview);
        page.QuerySelectorAll("#import-lines tbody tr").Select(tr => tr.GetAttribute("data-outcome")).ShouldBe(["new", "new", "new", "duplicate"]);
        page.QuerySelector("#import-duplicates")!.TextContent.ShouldEndWith(": 1");
        (await client.SubmitAsync(page, "#confirm-form", [], "/Admin/Imports/Preview")).ShouldRedirect();
        var awards = await factory.WithDbAsync(db => db.ScholarshipAwards.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        awards.Select(a => (a.RecipientName, a.Gender, a.ProgrammeName)).ShouldBe([
            ("José Núñez", (Gender?)Gender.Male, "Gestión portuaria"), ("Ana Torres", Gender.Female, "Gestión portuaria"), ("Lee Chen", null, "Gestión portuaria")]);

        using var again = await UploadAsync(client, "awards", bytes);
        var second = await ParseAsync(again);
        second.QuerySelectorAll("#import-lines tbody tr").Select(tr => tr.GetAttribute("data-outcome")).Distinct().ShouldBe(["duplicate"]);
        (await client.SubmitAsync(second, "#confirm-form", [], "/Admin/Imports/Preview")).ShouldRedirect();
        (await factory.WithDbAsync(db => db.ScholarshipAwards.CountAsync())).ShouldBe(3);
    }

    [Fact]
    public async Task TheAwardsExport_ImportsBackUnchanged()
    {
        using var factory = new WebFactory();
        var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var course = NewActivity("Port logistics course", new DateTime(2024, 4, 1, 14, 0, 0, DateTimeKind.Utc), a => { a.Kind = ActivityKind.Course; a.Slug = "port-logistics-2024"; });
        await factory.AddAsync(course);
        await factory.AddAsync(
            new ScholarshipAward { RecipientName = "Ana Torres", Gender = Gender.Female, CountryId = peru.Id, ActivityId = course.Id, AmountUsd = 1500.5m, AwardedOn = new DateOnly(2024, 5, 31) },
            new ScholarshipAward { RecipientName = "Díaz, Bruno", CountryId = peru.Id, ProgrammeName = "Outside programme", AmountUsd = 900m, AwardedOn = new DateOnly(2024, 6, 1) });
        var client = await factory.SignedInStaffAsync();
        var exported = await client.GetStringAsync("/Admin/ScholarshipAwards/Export");
        await factory.WithDbAsync(db => db.ScholarshipAwards.ExecuteDeleteAsync());

        using var preview = await UploadAsync(client, "awards", exported);
        var page = await ParseAsync(preview);
        page.QuerySelector("#import-errors").ShouldBeNull();
        (await client.SubmitAsync(page, "#confirm-form", [], "/Admin/Imports/Preview")).ShouldRedirect();

        static IEnumerable<string> Content(string csv) => csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(line => string.Join(",", line.Split(',')[1..^1])).Order(StringComparer.Ordinal);
        Content(await client.GetStringAsync("/Admin/ScholarshipAwards/Export")).ShouldBe(Content(exported));
    }

    [Fact]
    public async Task TheParticipationExport_ImportsBackUnchanged_EveryRowADuplicate()
    {
        using var factory = new WebFactory();
        var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var now = WebFactory.DefaultNow.UtcDateTime;
        await factory.AddAsync(
            NewActivity("Forum with totals", now.AddYears(-3), a => { a.ReportedParticipants = 120; a.ReportedMemberStates = 14; }),
            NewActivity("Seminar with one total", now.AddYears(-2), a => a.ReportedParticipants = 35),
            NewActivity("Course with countries only", now.AddYears(-1), a => a.ParticipatingCountries.Add(new ActivityCountry { CountryId = peru.Id, Participants = 4 })),
            NewActivity("Webinar to come", now.AddDays(30)));
        var client = await factory.SignedInStaffAsync();
        var exported = await client.GetStringAsync("/Admin/Participation/Export");

        using var preview = await UploadAsync(client, "participation", exported);
        var page = await ParseAsync(preview);
        page.QuerySelector("#import-errors").ShouldBeNull();
        page.QuerySelectorAll("#import-lines tbody tr").Select(tr => tr.GetAttribute("data-outcome")).ShouldBe(["duplicate", "duplicate", "duplicate", "duplicate"]);
        (await client.SubmitAsync(page, "#confirm-form", [], "/Admin/Imports/Preview")).ShouldRedirect();

        static IEnumerable<string> Content(string csv) => csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        Content(await client.GetStringAsync("/Admin/Participation/Export")).ShouldBe(Content(exported));
        (await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "Activity" && e.Action == "update"))).ShouldBe(0);
    }

    [Fact]
    public async Task TheActivity_IsChosenFromAList_ForRowsThatNameNone()
    {
        using var factory = new WebFactory();
        var past = NewActivity("Seminar 2019", new DateTime(2019, 5, 1, 14, 0, 0, DateTimeKind.Utc), a => a.Slug = "seminar-2019");
        await factory.AddAsync(past);
        var client = await factory.SignedInStaffAsync();
        var form = await client.PageAsync("/Admin/Imports?kind=participation");
        form.QuerySelector($"#f-activity option[value='{past.Id}']")!.TextContent.ShouldBe("2019-05-01 · Seminar 2019 (seminar-2019)");

        using var preview = await UploadAsync(client, "participation", Encoding.UTF8.GetBytes("ReportedParticipants;ReportedMemberStates\r\n120;14\r\n"), past.Id);

        (await client.SubmitAsync(await ParseAsync(preview), "#confirm-form", [], "/Admin/Imports/Preview")).ShouldRedirect();
        var saved = await factory.WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Id == past.Id));
        (saved.ReportedParticipants, saved.ReportedMemberStates).ShouldBe((120, 14));
    }
}
