using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Mail;
using PortCooperation.Web.Services.Registrations;

namespace PortCooperation.BrowserTests;

/// <summary>The registration journey in Chromium: the form without JavaScript, the mail, the private link, the waiting list.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RegistrationBrowserTests(BrowserApp app)
{
    private static readonly string ScreenshotFolder = Path.Combine(Path.GetTempPath(), "portal-screenshots", "registration");

    private Task<Activity> AddActivityAsync(int capacity) => app.AddOpenWebinarAsync(capacity);

    private async Task<int> DeliverAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None);
    }

    private async Task<List<OutboxMessage>> MailsAsync(int activityId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var ids = await db.Registrations.Where(r => r.ActivityId == activityId).Select(r => r.Id).ToListAsync();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.RegistrationId != null && ids.Contains(m.RegistrationId.Value)).OrderBy(m => m.Id).ToListAsync();
    }

    [Fact]
    public async Task AVisitor_RegistersInSpanishWithoutJavaScript_GetsTheMail_FollowsItsLinkAndCancels_AndTheWaitingListMovesUp()
    {
        var activity = await AddActivityAsync(capacity: 1);
        var page = await app.NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        await page.GotoAsync($"/language/es?returnUrl=/activities/{activity.Slug}/register");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Inscripción");

        await page.Locator("#FullName").FillAsync("Lucía Fernández");
        await page.Locator("#Email").FillAsync("lucia@example.org");
        await page.Locator("#Organisation").FillAsync("Autoridad Portuaria Nacional del Perú");
        await page.Locator("#Country").SelectOptionAsync("PE");
        await page.Locator("#Gender-PreferNotToSay").CheckAsync();
        await page.Locator("#Language-es").CheckAsync();
        await page.Locator("#Consent").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Inscribirme" }).ClickAsync();

        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Su inscripción está confirmada");

        // Someone else registers after her and lands on the waiting list.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var peru = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Countries.Where(c => c.Code == "CL").Select(c => c.Id).SingleAsync();
            var result = await scope.ServiceProvider.GetRequiredService<RegistrationService>().RegisterAsync(activity.Id,
                new RegistrationRequest("Tomás Rojas", "tomas@example.org", "Empresa Portuaria", null, peru, null, "es"), CancellationToken.None);
            result.Status.ShouldBe(RegistrationStatus.Waitlisted);
        }

        await DeliverAsync();
        var confirmation = (await MailsAsync(activity.Id)).Single(m => m.ToAddress == "lucia@example.org");
        confirmation.Status.ShouldBe(OutboxStatus.Sent);
        confirmation.Subject.ShouldBe("Inscripción confirmada: Webinario sobre digitalización portuaria");
        var pickup = app.Services.GetRequiredService<PickupFolderMailTransport>().Folder;
        File.ReadAllText(Path.Combine(pickup, $"{confirmation.Id:D8}.eml")).ShouldContain(OutboxMailMessage.MessageId(confirmation));
        var link = confirmation.BodyText.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/registrations/", StringComparison.Ordinal));
        var path = new Uri(link[(link.IndexOf("http", StringComparison.Ordinal))..]).AbsolutePath;

        await page.GotoAsync(path);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Su inscripción");
        (await page.Locator(".self-service__status").InnerTextAsync()).ShouldBe("Confirmada");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancelar mi inscripción" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("¿Cancelar su plaza?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sí, cancelar mi plaza" }).ClickAsync();
        (await page.Locator(".self-service__status").InnerTextAsync()).ShouldBe("Cancelada");

        await DeliverAsync();
        var mails = await MailsAsync(activity.Id);
        mails.Where(m => m.ToAddress == "tomas@example.org").Select(m => m.Subject).ShouldBe([
            "Está en la lista de espera: Webinario sobre digitalización portuaria",
            "Hay una plaza para usted: Webinario sobre digitalización portuaria",
        ]);
        mails.ShouldAllBe(m => m.Status == OutboxStatus.Sent);
        mails.Count(m => m.ToAddress == "lucia@example.org").ShouldBe(2);
    }

    [Theory]
    [InlineData("en", "Register")]
    [InlineData("es", "Inscribirme")]
    public async Task TheForm_EmptyAndWithErrors_FocusesTheSummary_KeepsInput_AndPassesAxe(string language, string submit)
    {
        var activity = await AddActivityAsync(capacity: 30);
        Directory.CreateDirectory(ScreenshotFolder);
        var page = await app.NewPageAsync(new BrowserNewContextOptions { BypassCSP = true, ViewportSize = new ViewportSize { Width = 1024, Height = 900 } });
        await page.GotoAsync($"/language/{language}?returnUrl=/activities/{activity.Slug}/register");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"form-{language}-empty.png"), FullPage = true });

        await page.Locator("#Email").FillAsync("not-an-address");
        await page.GetByRole(AriaRole.Button, new() { Name = submit }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);

        (await page.Locator("#error-summary li").CountAsync()).ShouldBe(5);
        // registration.js moves focus to the summary once the page has loaded.
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'error-summary'", null, new() { Timeout = 10_000 });
        (await page.Locator("#Email").InputValueAsync()).ShouldBe("not-an-address");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"form-{language}-errors.png"), FullPage = true });
        // The form's styles apply (site.css parses as flat rules; a merge had left rules unclosed, which nested every later
        // rule under them), so the page is checked with every axe rule, target-size included.
        (await page.Locator("#Website").IsVisibleAsync()).ShouldBeFalse("the honeypot field is styled out of sight");
        var violations = await Axe.ViolationsAsync(page);
        violations.ShouldBeEmpty(string.Join(Environment.NewLine, violations));

        var narrow = await app.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 320, Height = 640 } });
        await narrow.GotoAsync($"/activities/{activity.Slug}/register");
        (await narrow.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).ShouldBeLessThanOrEqualTo(0);
    }

    [Fact]
    public async Task TheSelfServicePage_OffersTheCalendarFile_PassesAxe_AndFitsA320PixelScreen()
    {
        var activity = await AddActivityAsync(capacity: 5);
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var chile = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Countries.Where(c => c.Code == "CL").Select(c => c.Id).SingleAsync();
            var result = await scope.ServiceProvider.GetRequiredService<RegistrationService>().RegisterAsync(activity.Id,
                new RegistrationRequest("Camila Soto", "camila@example.org", "Empresa Portuaria", "Jefa de operaciones", chile, Gender.Female, "es"), CancellationToken.None);
            token = result.AccessToken!;
        }

        Directory.CreateDirectory(ScreenshotFolder);
        var page = await app.NewPageAsync(new BrowserNewContextOptions { BypassCSP = true, ViewportSize = new ViewportSize { Width = 1024, Height = 900 } });
        await page.GotoAsync($"/registrations/{token}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "self-service-es.png"), FullPage = true });
        (await page.Locator("#registration-ics-link").GetAttributeAsync("href")).ShouldBe($"/registrations/{token}/calendar.ics");
        var violations = await Axe.ViolationsAsync(page);
        violations.ShouldBeEmpty(string.Join(Environment.NewLine, violations));
        await page.GotoAsync($"/registrations/{token}/delete");
        var confirmViolations = await Axe.ViolationsAsync(page);
        confirmViolations.ShouldBeEmpty(string.Join(Environment.NewLine, confirmViolations));

        var narrow = await app.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 320, Height = 640 } });
        await narrow.GotoAsync($"/registrations/{token}");
        (await narrow.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).ShouldBeLessThanOrEqualTo(0);
    }
}
