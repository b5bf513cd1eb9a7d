using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;

namespace PortCooperation.BrowserTests;

/// <summary>
/// The grid of every country on the participation form: axe finds nothing at 1280 and 375 px in both languages, as
/// opened and with a refused number, and a few typed counts are saved in one click.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ParticipationGridBrowserTests(BrowserApp app)
{
    [Theory]
    [InlineData(1280, "en")]
    [InlineData(375, "en")]
    [InlineData(1280, "es")]
    [InlineData(375, "es")]
    public async Task TheGrid_HasNoAxeViolations_AndSavesTypedCountsInOneClick(int width, string language)
    {
        int activityId, peru, chile;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var past = DateTime.UtcNow.AddYears(-2);
            var activity = new Activity
            {
                Slug = "grid-" + Guid.NewGuid().ToString("N")[..10],
                Kind = ActivityKind.Course,
                TitleEn = "Port state control course",
                TitleEs = "Curso de control por el Estado rector del puerto",
                Language = "es",
                StartsAtUtc = past,
                EndsAtUtc = past.AddDays(3),
                TimeZoneId = "America/Lima",
                Status = ActivityStatus.Held,
                PublicationState = PublicationState.Published,
            };
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            activityId = activity.Id;
            peru = await db.Countries.Where(c => c.Code == "PE").Select(c => c.Id).SingleAsync();
            chile = await db.Countries.Where(c => c.Code == "CL").Select(c => c.Id).SingleAsync();
        }

        var page = await app.SignedInEditorAsync(new BrowserNewContextOptions { BypassCSP = true, ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        await page.GotoAsync($"/language/{language}");
        await page.GotoAsync($"/Admin/Participation/Edit/{activityId}");
        await ShotAsync(page, $"participation-grid-{language}-{width}");
        await NoViolationsAsync(page, "the grid as opened");

        await page.Locator($"#f-Countries-{peru}--Participants").FillAsync("12");
        await page.Locator($"#f-Countries-{chile}--Participants").FillAsync("-4");
        await page.Locator("#record-form button[type=submit]").First.ClickAsync();
        (await page.Locator("#error-summary").IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator($"#f-Countries-{peru}--Participants").InputValueAsync()).ShouldBe("12");
        await ShotAsync(page, $"participation-grid-errors-{language}-{width}");
        await NoViolationsAsync(page, "the grid with a refused number");

        await page.Locator($"#f-Countries-{chile}--Participants").FillAsync("5");
        await page.Locator("#record-form button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync($"**/Admin/Participation/Details/{activityId}");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<ActivityCountry>().AsNoTracking()
                .Where(c => c.ActivityId == activityId).OrderBy(c => c.Participants).Select(c => c.Participants).ToListAsync();
            saved.ShouldBe([5, 12]);
        }
    }

    private static async Task NoViolationsAsync(IPage page, string what)
    {
        var violations = await Axe.ViolationsAsync(page);
        violations.ShouldBeEmpty($"{what}: {string.Join(Environment.NewLine, violations)}");
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor(name), FullPage = true });
}
