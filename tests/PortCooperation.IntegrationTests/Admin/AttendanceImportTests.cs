using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.Web.Services.Staff;
using static PortCooperation.IntegrationTests.Admin.RegistrationAdminKit;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Admin;

/// <summary>Attendance reports as Zoom, Teams and Webex export them: read, previewed (nothing written), then saved in one go.</summary>
public sealed class AttendanceImportTests
{
    /// <summary>Zoom meeting "Participants" export with the meeting block on top (UTF-8, comma).</summary>
    private const string Zoom =
        "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\r\n" +
        "812 3456 7890,Port logistics webinar,03/01/2032 09:00:00 AM,03/01/2032 11:02:00 AM,host@cip.example.org,122,6\r\n" +
        "\r\n" +
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\r\n" +
        "Ana Pérez,ANA@Example.org,03/01/2032 09:01:02 AM,03/01/2032 10:31:00 AM,90,Yes\r\n" +
        "\"Lee, Bob\",bob@example.org,03/01/2032 09:05:00 AM,03/01/2032 09:35:00 AM,30,Yes\r\n" +
        "Ana Pérez,ana@example.org,03/01/2032 10:40:00 AM,03/01/2032 11:00:00 AM,20,Yes\r\n" +
        "Walk In,walkin@example.org,03/01/2032 09:10:00 AM,03/01/2032 11:00:00 AM,110,Yes\r\n" +
        "Phone Caller,,03/01/2032 09:10:00 AM,03/01/2032 11:00:00 AM,110,Yes\r\n" +
        "Typo,carla.example.org,03/01/2032 09:10:00 AM,03/01/2032 11:00:00 AM,110,Yes\r\n";

    /// <summary>Teams "Download attendance list" (UTF-16 with BOM, tab separated, three sections).</summary>
    private const string Teams =
        "1. Summary\r\n" +
        "Meeting title\tPort logistics webinar\r\n" +
        "Attended participants\t3\r\n" +
        "Start time\t3/1/32, 9:00:12 AM\r\n" +
        "\r\n" +
        "2. Participants\r\n" +
        "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole\r\n" +
        "Ana Pérez\t3/1/32, 9:01:12 AM\t3/1/32, 10:59:00 AM\t1h 57m 48s\tana@example.org\tana@example.org\tAttendee\r\n" +
        "Carla Soto\t3/1/32, 9:02:00 AM\t3/1/32, 10:00:00 AM\t58m\tCarla@example.org\tcarla@example.org\tAttendee\r\n" +
        "Organiser\t3/1/32, 9:00:12 AM\t3/1/32, 11:00:00 AM\t2h\torganiser@cip.example.org\torganiser@cip.example.org\tOrganizer\r\n" +
        "\r\n" +
        "3. In-Meeting Activities\r\n" +
        "Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole\r\n" +
        "Ana Pérez\t3/1/32, 9:01:12 AM\t3/1/32, 10:00:00 AM\t59m\tana@example.org\tAttendee\r\n" +
        "Ana Pérez\t3/1/32, 10:05:00 AM\t3/1/32, 10:59:00 AM\t54m\tana@example.org\tAttendee\r\n";

    /// <summary>Zoom webinar attendee report / Webex event report: sections and an "Attended" Yes/No column.</summary>
    private const string Webinar =
        "Attendee Report\r\n" +
        "Report Generated:,\"3/2/2032 10:00 AM\"\r\n" +
        "Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered,# Cancelled,Unique Viewers\r\n" +
        "Port logistics webinar,812 3456 7890,\"Mar 1, 2032 09:00 AM\",122,4,0,3\r\n" +
        "Host Details\r\n" +
        "Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Country/Region Name\r\n" +
        "Yes,Host,host@cip.example.org,\"Mar 1, 2032 08:55 AM\",\"Mar 1, 2032 11:02 AM\",127,Panama\r\n" +
        "Attendee Details\r\n" +
        "Attended,User Name (Original Name),First Name,Last Name,Email,Registration Time,Approval Status,Join Time,Leave Time,Time in Session (minutes),Country/Region Name\r\n" +
        "Yes,Bob Lee,Bob,Lee,bob@example.org,\"Feb 20, 2032 10:00 AM\",approved,\"Mar 1, 2032 09:01 AM\",\"Mar 1, 2032 10:00 AM\",59,Peru\r\n" +
        "No,Carla Soto,Carla,Soto,carla@example.org,\"Feb 21, 2032 10:00 AM\",approved,--,--,--,Chile\r\n";

    [Fact]
    public void Zoom_Participants_SkipsTheMeetingBlock_CountsEachPersonOnce_AndReportsBadLines()
    {
        var file = AttendanceFile.Parse(Zoom);

        file.HasHeader.ShouldBeTrue();
        file.Entries.Select(e => (e.Line, e.Name, e.Email)).ShouldBe([
            (5, "Ana Pérez", "ana@example.org"), (6, "Lee, Bob", "bob@example.org"), (8, "Walk In", "walkin@example.org")]);
        file.Errors.Select(e => (e.Line, e.ReasonKey)).ShouldBe([(9, "RegStaff_Import_NoEmail"), (10, "RegStaff_Import_BadEmail")]);
    }

    [Fact]
    public async Task Teams_Utf16TabSeparated_ReadsTheParticipantsSection_AndTheActivitySectionAddsNobodyTwice()
    {
        await using var stream = new MemoryStream(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Teams)).ToArray());

        var file = await AttendanceFile.ReadAsync(stream, CancellationToken.None);

        file.Entries.Select(e => (e.Line, e.Email)).ShouldBe([(8, "ana@example.org"), (9, "carla@example.org")]);
        file.Staff.ShouldHaveSingleItem().Email.ShouldBe("organiser@cip.example.org");
        file.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void WebinarReport_LeavesOutThoseMarkedNotAttended_AndTheHostSection()
    {
        var file = AttendanceFile.Parse(Webinar);

        file.Entries.Select(e => (e.Email, e.Country)).ShouldBe([("bob@example.org", "Peru")]);
        file.Staff.ShouldHaveSingleItem().Email.ShouldBe("host@cip.example.org");
        file.NotAttended.ShouldBe(1);
        file.Errors.ShouldBeEmpty();
        AttendanceFile.Parse("Nombre;Apellido;Teléfono\r\nAna;Pérez;123\r\n").HasHeader.ShouldBeFalse();
        AttendanceFile.Parse("Nombre;Correo electrónico\r\nAna;ana@example.org\r\n").Entries.ShouldHaveSingleItem().Email.ShouldBe("ana@example.org");
    }

    [Fact]
    public async Task Import_PreviewsEveryRowWithItsOutcome_WritesNothing_ThenConfirmMarksRegistrantsAndRecordsTheOthers()
    {
        using var factory = new WebFactory();
        var activity = NewActivity("Held webinar", WebFactory.DefaultNow.UtcDateTime.AddDays(-2));
        var other = NewActivity("Other webinar", WebFactory.DefaultNow.UtcDateTime.AddDays(-2));
        await factory.AddAsync(activity, other);
        var ana = NewRegistration(activity.Id, "Ana Pérez", "Ana@Example.org", RegistrationStatus.Confirmed);
        var bob = NewRegistration(activity.Id, "Bob Lee", "bob@example.org", RegistrationStatus.Confirmed, attended: true);
        var carla = NewRegistration(activity.Id, "Carla Soto", "carla@example.org", RegistrationStatus.Confirmed);
        var elsewhere = NewRegistration(other.Id, "Walk In", "walkin@example.org", RegistrationStatus.Confirmed);
        await factory.AddAsync(ana, bob, carla, elsewhere);
        var client = await factory.SignedInStaffAsync();
        var url = $"/Admin/Activities/{activity.Id}/Registrations/Import";

        using var response = await UploadAsync(client, url, Zoom, "participants_81234567890.csv");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var preview = await ParseAsync(response);
        Rows(preview, "#import-rows").ShouldBe([
            ["5", "Ana Pérez", "Ana@Example.org", "", "", "new · registered, will be marked as attended"],
            ["6", "Bob Lee", "bob@example.org", "", "", "duplicate · registered and already marked as attended"],
            ["8", "Walk In", "walkin@example.org", "", "", "new · not registered, will be recorded as attendee"]]);
        Rows(preview, "#import-errors").ShouldBe([["9", "No e-mail address on this line.", "Phone Caller"], ["10", "Not a valid e-mail address.", "carla.example.org"]]);
        (await Registrations.RegistrationTestKit.RegistrationsAsync(factory, activity.Id)).Select(r => r.Attended).ShouldBe([null, true, null]);

        using var confirm = await client.SubmitAsync(preview, "#import-confirm", [], url);

        confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await Registrations.RegistrationTestKit.RegistrationsAsync(factory, activity.Id);
        saved.Select(r => (r.NormalizedEmail, r.Status, r.Attended)).ShouldBe([
            ("ana@example.org", RegistrationStatus.Confirmed, true), ("bob@example.org", RegistrationStatus.Confirmed, true),
            ("carla@example.org", RegistrationStatus.Confirmed, null), ("walkin@example.org", RegistrationStatus.Attendee, true)], ignoreOrder: true);
        (await Registrations.RegistrationTestKit.RegistrationsAsync(factory, other.Id)).Single().Attended.ShouldBeNull();
        (await client.PageAsync(confirm.Headers.Location!.OriginalString)).QuerySelector("[role=status]")!.TextContent
            .ShouldContain("Marked as attended: 1. Attendees recorded: 1.");
    }

    [Fact]
    public async Task TheShippedZoomAndTeamsReports_TogetherCountEachPersonOnce_LeaveOutTheHosts_AndRecognizeCountries_AndASecondImportChangesNothing()
    {
        using var factory = new WebFactory();
        var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var brazil = await factory.WithDbAsync(db => CountryAsync(db, "BR", "Brazil", "Brasil"));
        var mexico = await factory.WithDbAsync(db => CountryAsync(db, "MX", "Mexico", "México"));
        var trinidad = await factory.WithDbAsync(db => CountryAsync(db, "TT", "Trinidad and Tobago", "Trinidad y Tobago"));
        var spain = await factory.WithDbAsync(db => CountryAsync(db, "ES", "Spain", "España", isMember: false));
        var activity = NewActivity("Port community systems in practice", WebFactory.DefaultNow.UtcDateTime.AddDays(-1));
        await factory.AddAsync(activity);
        // Gustavo registered on the portal; the others only on the platforms.
        await factory.AddAsync(NewRegistration(activity.Id, "Gustavo Díaz", "gustavo.diaz@puerto.example.co", RegistrationStatus.Confirmed));
        var client = await factory.SignedInStaffAsync();
        var url = $"/Admin/Activities/{activity.Id}/Registrations/Import";
        var files = new[] { ("zoom-webinar-attendee-report.csv", Fixture("zoom-webinar-attendee-report.csv")), ("teams-attendance-report.csv", Fixture("teams-attendance-report.csv")) };

        using var response = await UploadAsync(client, url, files);

        var preview = await ParseAsync(response);
        // Two files: every table names the file of each line (line numbers repeat across files).
        preview.QuerySelector("#import-rows thead th")!.TextContent.ShouldBe("File");
        Rows(preview, "#import-rows").Select(r => (r[0], r[3], r[5])).ShouldBe([
            ("zoom-webinar-attendee-report.csv", "ana.perez@apn.example.pe", "Peru"), ("zoom-webinar-attendee-report.csv", "bruno.silva@porto.example.br", "Brazil"),
            ("zoom-webinar-attendee-report.csv", "carla.gomez@puertos.example.mx", "Mexico"), ("zoom-webinar-attendee-report.csv", "dev.ramnarine@ports.example.tt", "Trinidad and Tobago"),
            ("zoom-webinar-attendee-report.csv", "frank.ortega@naviera.example.es", "Spain"),
            ("teams-attendance-report.csv", "gustavo.diaz@puerto.example.co", ""), ("teams-attendance-report.csv", "hanna.clarke@port.example.jm", "")]);
        Rows(preview, "#import-staff").Select(r => r[0]).Distinct().ShouldBe(["zoom-webinar-attendee-report.csv", "teams-attendance-report.csv"], ignoreOrder: true);
        Rows(preview, "#import-staff").Select(r => r[3]).ShouldBe(
            ["host@secretariat.example.org", "marta.vidal@puerto.example.es", "organizer@secretariat.example.org", "luis.herrera@puerto.example.pa"], ignoreOrder: true);
        Squash(preview.QuerySelector("[data-count=member-states]")!.TextContent).ShouldEndWith(": 4");
        Squash(preview.QuerySelector("[data-count=not-attended]")!.TextContent).ShouldEndWith(": 1");

        using (var confirm = await client.SubmitAsync(preview, "#import-confirm", [], url))
        {
            confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var saved = await Registrations.RegistrationTestKit.RegistrationsAsync(factory, activity.Id);
        saved.Count.ShouldBe(7);
        saved.ShouldAllBe(r => r.Attended == true);
        saved.Single(r => r.NormalizedEmail == "ana.perez@apn.example.pe").ShouldSatisfyAllConditions(
            r => r.Status.ShouldBe(RegistrationStatus.Attendee), r => r.FullName.ShouldBe("Ana Pérez"),
            r => r.OrganisationName.ShouldBe("Autoridad Portuaria Nacional"), r => r.CountryId.ShouldBe(peru.Id));
        saved.Where(r => r.CountryId != null).Select(r => r.CountryId!.Value).ShouldBe([peru.Id, brazil.Id, mexico.Id, trinidad.Id, spain.Id], ignoreOrder: true);
        saved.Single(r => r.NormalizedEmail == "gustavo.diaz@puerto.example.co").Status.ShouldBe(RegistrationStatus.Confirmed);
        (await Registrations.RegistrationTestKit.OutboxAsync(factory)).ShouldBeEmpty();

        // The same reports again: every row is a duplicate, nothing to confirm, nothing written.
        using var again = await UploadAsync(client, url, files);
        var second = await ParseAsync(again);
        Rows(second, "#import-rows").Select(r => r[6]).Distinct().ShouldBe(
            ["duplicate · already recorded as attendee", "duplicate · registered and already marked as attended"], ignoreOrder: true);
        second.QuerySelector("#import-confirm button")!.HasAttribute("disabled").ShouldBeTrue();
        using (var confirmAgain = await client.SubmitAsync(second, "#import-confirm", [], url))
        {
            confirmAgain.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await Registrations.RegistrationTestKit.RegistrationsAsync(factory, activity.Id)).Count.ShouldBe(7);

        // The executive report of the period counts them, with nothing typed.
        var report = await client.PageAsync("/Admin/Reports?period=year&periodYear=2032");
        Reports.ReportPage.Current(report, "webinars.participants").ShouldBe(7);
        Reports.ReportPage.Current(report, "webinars.memberstates").ShouldBe(4);
    }

    [Fact]
    public async Task TheRegistrationsExport_ImportsBackUnchanged_AttendedRowsDuplicates_TheOthersLeftOut()
    {
        using var factory = new WebFactory();
        var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var activity = NewActivity("Held webinar", WebFactory.DefaultNow.UtcDateTime.AddDays(-2));
        await factory.AddAsync(activity);
        await factory.AddAsync(
            NewRegistration(activity.Id, "Ana Pérez", "ana@example.org", RegistrationStatus.Confirmed, attended: true, countryId: peru.Id),
            NewRegistration(activity.Id, "Bob Lee", "bob@example.org", RegistrationStatus.Confirmed, attended: false),
            NewRegistration(activity.Id, "Carla Soto", "carla@example.org", RegistrationStatus.Confirmed),
            NewRegistration(activity.Id, "Dan Ruiz", "dan@example.org", RegistrationStatus.Waitlisted),
            NewRegistration(activity.Id, "Eva Walk-in", "eva@example.org", RegistrationStatus.Attendee, attended: true, countryId: peru.Id));
        var client = await factory.SignedInStaffAsync();
        var before = (await Registrations.RegistrationTestKit.RegistrationsAsync(factory, activity.Id)).Select(r => (r.NormalizedEmail, r.Status, r.Attended)).ToList();
        var exported = await client.GetStringAsync($"/Admin/Activities/{activity.Id}/Registrations/Export");
        var url = $"/Admin/Activities/{activity.Id}/Registrations/Import";

        using var response = await UploadAsync(client, url, exported, "registrations.csv");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var preview = await ParseAsync(response);
        Rows(preview, "#import-rows").Select(r => (r[2], r[5])).ShouldBe([
            ("ana@example.org", "duplicate · registered and already marked as attended"), ("eva@example.org", "duplicate · already recorded as attendee")], ignoreOrder: true);
        preview.QuerySelector("#import-errors").ShouldBeNull();
        preview.QuerySelector("#import-confirm button")!.HasAttribute("disabled").ShouldBeTrue();
        using (var confirm = await client.SubmitAsync(preview, "#import-confirm", [], url))
        {
            confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await Registrations.RegistrationTestKit.RegistrationsAsync(factory, activity.Id)).Select(r => (r.NormalizedEmail, r.Status, r.Attended)).ShouldBe(before, ignoreOrder: true);
        (await client.GetStringAsync($"/Admin/Activities/{activity.Id}/Registrations/Export")).ShouldBe(exported);
    }

    [Fact]
    public async Task ImportedAttendees_AreErasedByTheRetentionJob_LikeRegistrants()
    {
        using var factory = new WebFactory(settings: new Dictionary<string, string?> { ["Registration:RetentionDays"] = "30" });
        var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var activity = NewActivity("Held webinar", WebFactory.DefaultNow.UtcDateTime.AddDays(-2));
        await factory.AddAsync(activity);
        var client = await factory.SignedInStaffAsync();
        var url = $"/Admin/Activities/{activity.Id}/Registrations/Import";
        using var response = await UploadAsync(client, url, "Name;Email;Organisation;Country\r\nAna Pérez;ana@example.org;APN;PE\r\n", "list.csv");
        using (await client.SubmitAsync(await ParseAsync(response), "#import-confirm", [], url))
        {
        }

        factory.Clock.Now = activity.EndsAtUtc.AddDays(31);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<PortCooperation.Web.Services.Registrations.RetentionJob>().RunAsync(CancellationToken.None)).ShouldBe(1);
        }

        var erased = (await Registrations.RegistrationTestKit.RegistrationsAsync(factory, activity.Id)).Single();
        (erased.FullName, erased.Email, erased.OrganisationName, erased.AnonymisedAtUtc is not null).ShouldBe(("", "", (string?)null, true));
        (erased.CountryId, erased.Attended, erased.Status).ShouldBe((peru.Id, true, RegistrationStatus.Attendee));
    }

    [Fact]
    public async Task TheSameReportImportedAgain_AfterTheRetentionJobErasedItsPeople_RecordsNobodyTwice()
    {
        using var factory = new WebFactory(settings: new Dictionary<string, string?> { ["Registration:RetentionDays"] = "30" });
        await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var activity = NewActivity("Held webinar", WebFactory.DefaultNow.UtcDateTime.AddDays(-2));
        await factory.AddAsync(activity);
        var client = await factory.SignedInStaffAsync();
        var url = $"/Admin/Activities/{activity.Id}/Registrations/Import";
        const string report = "Name;Email;Organisation;Country\r\nAna Pérez;ana@example.org;APN;PE\r\nBruno Silva;bruno@example.org;;Peru\r\n";
        using (var first = await UploadAsync(client, url, report, "webinar-attendees.csv"))
        using (await client.SubmitAsync(await ParseAsync(first), "#import-confirm", [], url))
        {
        }

        factory.Clock.Now = activity.EndsAtUtc.AddDays(31);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<PortCooperation.Web.Services.Registrations.RetentionJob>().RunAsync(CancellationToken.None)).ShouldBe(2);
        }

        // A month later a colleague signs in. The people can no longer be matched by e-mail, but the file is known:
        // every row is a duplicate.
        client = await factory.SignedInStaffAsync("colleague@example.org");
        using var again = await UploadAsync(client, url, report, "attendees-again.csv");
        var preview = await ParseAsync(again);
        Rows(preview, "#import-rows").Select(r => r[5]).ShouldBe(["duplicate · already recorded as attendee", "duplicate · already recorded as attendee"]);
        Squash(preview.QuerySelector("[data-earlier-import]")!.TextContent).ShouldStartWith("“webinar-attendees.csv” was already imported for this activity on");
        preview.QuerySelector("#import-confirm button")!.HasAttribute("disabled").ShouldBeTrue();
        using (var confirm = await client.SubmitAsync(preview, "#import-confirm", [], url))
        {
            confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await Registrations.RegistrationTestKit.RegistrationsAsync(factory, activity.Id)).Count.ShouldBe(2);

        // Another report of the same session still adds the people it has that the first did not.
        using var other = await UploadAsync(client, url, "Name,Email\r\nCarla Soto,carla@example.org\r\n", "late-joiners.csv");
        var otherPreview = await ParseAsync(other);
        otherPreview.QuerySelector("[data-earlier-import]").ShouldBeNull();
        using (await client.SubmitAsync(otherPreview, "#import-confirm", [], url))
        {
        }

        var saved = await Registrations.RegistrationTestKit.RegistrationsAsync(factory, activity.Id);
        saved.Count.ShouldBe(3);
        saved.Where(r => r.AnonymisedAtUtc is null).Select(r => r.NormalizedEmail).ShouldBe(["carla@example.org"]);
        (await factory.WithDbAsync(db => Task.FromResult(db.AttendanceImports.Select(i => i.FileName).ToList()))).ShouldBe(["webinar-attendees.csv", "late-joiners.csv"], ignoreOrder: true);
    }

    [Fact]
    public void AReportInWindows1252_WithSemicolons_ReadsItsAccents()
    {
        var bytes = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes("Nombre;Correo electrónico;País\r\nJosé Núñez;jose@example.org;Perú\r\n");

        var file = AttendanceFile.Parse(UploadedText.Decode(bytes));

        file.Entries.ShouldHaveSingleItem().ShouldBe(new AttendanceEntry(2, "José Núñez", "jose@example.org", null, "Perú"));
    }

    [Fact]
    public async Task Import_AFileWithoutAnEmailColumn_OrNoFile_Is422WithAMessage()
    {
        using var factory = new WebFactory();
        var activity = NewActivity("Held webinar", WebFactory.DefaultNow.UtcDateTime.AddDays(-2));
        await factory.AddAsync(activity);
        var client = await factory.SignedInStaffAsync();
        var url = $"/Admin/Activities/{activity.Id}/Registrations/Import";

        using var response = await UploadAsync(client, url, "Name,Phone\r\nAna,123\r\n", "list.csv");
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await ParseAsync(response)).QuerySelector("#import-error")!.TextContent.ShouldContain("No e-mail column");
        using var empty = await UploadAsync(client, url, "", "empty.csv");
        empty.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await client.GetAsync("/Admin/Activities/99999/Registrations/Import")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string content, string fileName) =>
        UploadAsync(client, url, [(fileName, Encoding.UTF8.GetBytes(content))]);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, IEnumerable<(string Name, byte[] Content)> files)
    {
        var page = await client.PageAsync(url);
        var token = page.QuerySelector("#import-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", name);
        }

        return await client.PostAsync(url, form);
    }

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", name));

    private static List<List<string>> Rows(IHtmlDocument page, string table) =>
        [.. page.QuerySelectorAll($"{table} tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => Squash(td.TextContent)).ToList())];
}
