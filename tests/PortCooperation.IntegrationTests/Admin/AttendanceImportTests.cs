using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
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

        file.Entries.Select(e => (e.Line, e.Email)).ShouldBe([(8, "ana@example.org"), (9, "carla@example.org"), (10, "organiser@cip.example.org")]);
        file.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void WebinarReport_LeavesOutThoseMarkedNotAttended()
    {
        var file = AttendanceFile.Parse(Webinar);

        file.Entries.Select(e => e.Email).ShouldBe(["host@cip.example.org", "bob@example.org"]);
        file.NotAttended.ShouldBe(1);
        file.Errors.ShouldBeEmpty();
        AttendanceFile.Parse("Nombre;Apellido;Teléfono\r\nAna;Pérez;123\r\n").HasHeader.ShouldBeFalse();
        AttendanceFile.Parse("Nombre;Correo electrónico\r\nAna;ana@example.org\r\n").Entries.ShouldHaveSingleItem().Email.ShouldBe("ana@example.org");
    }

    [Fact]
    public async Task Import_PreviewsMatchedUnmatchedAndErrors_WritesNothing_ThenConfirmMarksTheMatchesInOneGo()
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
        Rows(preview, "#import-matched").ShouldBe([["5", "Ana Pérez", "Ana@Example.org", "Confirmed", "will be marked"], ["6", "Bob Lee", "bob@example.org", "Confirmed", "already marked"]]);
        Rows(preview, "#import-unmatched").ShouldBe([["8", "Walk In", "walkin@example.org"]]);
        Rows(preview, "#import-errors").ShouldBe([["9", "No e-mail address on this line.", "Phone Caller"], ["10", "Not a valid e-mail address.", "carla.example.org"]]);
        (await Registrations.RegistrationTestKit.RegistrationsAsync(factory, activity.Id)).Select(r => r.Attended).ShouldBe([null, true, null]);

        using var confirm = await client.SubmitAsync(preview, "#import-confirm", [], url);

        confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Registrations.RegistrationTestKit.RegistrationsAsync(factory, activity.Id)).Select(r => r.Attended).ShouldBe([true, true, null]);
        (await Registrations.RegistrationTestKit.RegistrationsAsync(factory, other.Id)).Single().Attended.ShouldBeNull();
        (await client.PageAsync(confirm.Headers.Location!.OriginalString)).QuerySelector("[role=status]")!.TextContent.ShouldContain("1 registrations marked");
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

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string content, string fileName)
    {
        var page = await client.PageAsync(url);
        var token = page.QuerySelector("#import-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        return await client.PostAsync(url, form);
    }

    private static List<List<string>> Rows(IHtmlDocument page, string table) =>
        [.. page.QuerySelectorAll($"{table} tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => Squash(td.TextContent)).ToList())];
}
