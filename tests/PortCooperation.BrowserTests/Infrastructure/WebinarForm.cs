using System.Globalization;
using Microsoft.Playwright;

namespace PortCooperation.BrowserTests.Infrastructure;

/// <summary>The staff activity form filled in as a webinar with a partner, the way the staff browser tests need it.</summary>
public static class WebinarForm
{
    public static async Task FillAsync(IPage page, string title, DateTime startsUtc)
    {
        await page.GetByLabel("Title (English)").FillAsync(title);
        await page.GetByLabel("Title (Spanish)").FillAsync("Webinario de prueba");
        await page.GetByLabel("Kind").SelectOptionAsync("Webinar");
        await page.GetByLabel("Time zone").SelectOptionAsync("UTC");
        await page.Locator("#f-Starts").FillAsync(startsUtc.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.Locator("#f-Ends").FillAsync(startsUtc.AddHours(1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.GetByLabel("Partner 1", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
    }
}
