using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;

namespace PortCooperation.BrowserTests;

/// <summary>
/// The staff registration screens in a real browser: the list (approve a pending registration, tick attendance), the
/// attendance import with its preview, the custom message form, the outbox and one mail; axe-core finds nothing on any.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffRegistrationsTests(BrowserApp app)
{
    [Fact]
    public async Task StaffMember_ApprovesMarksAttendanceImportsWritesAndResends_WithNoAxeViolations()
    {
        var (activityId, mailId) = await ArrangeAsync();
        var page = await SignedInAsync("registrations.editor@example.org");

        await page.GotoAsync($"/Admin/Activities/{activityId}/Registrations");
        await ScreenshotAsync(page, "regstaff-list");
        await AxeAsync(page, "registrations list");
        await page.GetByLabel("Select Pending Person").CheckAsync();
        await page.GetByLabel("Message to include in the mail (optional)").FillAsync("Welcome aboard.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve selected" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("1 registration approved");
        await page.GetByLabel("Confirmed Person attended").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save attendance" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("Attendance saved: 1 changed");

        await page.GetByRole(AriaRole.Link, new() { Name = "Import attendance report" }).ClickAsync();
        await AxeAsync(page, "import form");
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Report files \\(CSV")).SetInputFilesAsync(new FilePayload
        {
            Name = "participants.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("Name (Original Name),User Email,Join Time\r\nPending Person,PENDING@example.org,09:00\r\nGuest,guest@example.org,09:01\r\nNo address,,09:02\r\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await ScreenshotAsync(page, "regstaff-import-preview");
        await AxeAsync(page, "import preview");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Confirm the import") }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("Marked as attended: 1.");

        await page.GotoAsync($"/Admin/Activities/{activityId}/Registrations?status=absent");
        await page.GetByRole(AriaRole.Link, new() { Name = "Message this group" }).ClickAsync();
        await AxeAsync(page, "message form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Queue the mails" }).ClickAsync();
        await ScreenshotAsync(page, "regstaff-message-errors");
        await AxeAsync(page, "message form with errors");

        await page.GotoAsync("/Admin/Outbox");
        await ScreenshotAsync(page, "regstaff-outbox");
        await AxeAsync(page, "outbox");
        await page.GotoAsync($"/Admin/Outbox/Details/{mailId}");
        await ScreenshotAsync(page, "regstaff-outbox-mail");
        await AxeAsync(page, "outbox mail");
        await page.GetByRole(AriaRole.Button, new() { Name = "Resend" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("back in the queue");

        await page.SetViewportSizeAsync(320, 800);
        await page.GotoAsync($"/Admin/Activities/{activityId}/Registrations");
        await ScreenshotAsync(page, "regstaff-list-320");
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("horizontal scroll at 320px");
    }

    private async Task<(int ActivityId, long MailId)> ArrangeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var starts = DateTime.UtcNow.AddDays(-1);
        var activity = new Activity
        {
            Slug = "regstaff-" + Guid.NewGuid().ToString("N")[..8],
            Kind = ActivityKind.Course,
            TitleEn = "Port environmental management course",
            TitleEs = "Curso de gestión ambiental portuaria",
            Language = "es",
            StartsAtUtc = starts,
            EndsAtUtc = starts.AddHours(2),
            TimeZoneId = "America/Lima",
            IsOnline = true,
            Status = ActivityStatus.Held,
            PublicationState = PublicationState.Published,
            RegistrationEnabled = true,
            RequiresApproval = true,
        };
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        Registration New(string name, string email, RegistrationStatus status) => new()
        {
            ActivityId = activity.Id, FullName = name, Email = email, NormalizedEmail = email, Status = status, Language = "en",
            OrganisationName = "Autoridad Portuaria Nacional", Position = "Planner",
            AccessToken = Guid.NewGuid().ToString("N"), ConsentTextVersion = "1", ConsentGivenAtUtc = starts.AddDays(-10),
        };
        db.Registrations.AddRange(
            New("Confirmed Person", "confirmed@example.org", RegistrationStatus.Confirmed),
            New("Pending Person", "pending@example.org", RegistrationStatus.Pending),
            New("Waiting Person", "waiting@example.org", RegistrationStatus.Waitlisted),
            New("Cancelled Person", "cancelled@example.org", RegistrationStatus.Cancelled));
        var mail = new OutboxMessage
        {
            IdempotencyKey = "Confirmation:registration:regstaff-" + Guid.NewGuid().ToString("N"),
            CreatedAtUtc = DateTime.UtcNow.AddHours(-3),
            NextAttemptAtUtc = DateTime.UtcNow.AddHours(-1),
            ToAddress = "unreachable@example.org",
            ToName = "Unreachable Person",
            Subject = "Registration confirmed: Port environmental management course",
            BodyText = "Hello,\n\nyour registration is confirmed.",
            Status = OutboxStatus.DeadLetter,
            Attempts = 6,
            LastError = "SmtpException: Mailbox unavailable. The server response was: 5.1.1 User unknown",
        };
        db.OutboxMessages.Add(mail);
        await db.SaveChangesAsync();
        return (activity.Id, mail.Id);
    }

    private Task<IPage> SignedInAsync(string email) =>
        app.SignedInStaffPageAsync(email, Roles.Administrator, new BrowserNewContextOptions { BypassCSP = true, ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });

    private static async Task AxeAsync(IPage page, string what)
    {
        var violations = await Axe.ViolationsAsync(page);
        violations.ShouldBeEmpty($"{what}: {string.Join(Environment.NewLine, violations)}");
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(StaffActivitiesTests.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(StaffActivitiesTests.ScreenshotFolder, name + ".png"), FullPage = true });
    }
}
