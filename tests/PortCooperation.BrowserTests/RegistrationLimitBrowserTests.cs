using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;
using PortCooperation.Web.Data;

namespace PortCooperation.BrowserTests;

/// <summary>
/// An app whose ceiling per network is 10 registration posts in 10 minutes (the default is 300, too many to reach in
/// a browser test), so that the 11th post from this machine's address is refused.
/// </summary>
public sealed class LimitedRegistrationBrowserApp() : BrowserApp(new Dictionary<string, string?>
{
    ["RateLimiting:RegistrationPerNetwork:PermitLimit"] = "10",
    ["RateLimiting:RegistrationPerNetwork:WindowSeconds"] = "600",
});

[CollectionDefinition(Name)]
public sealed class LimitedRegistrationBrowserCollection : ICollectionFixture<LimitedRegistrationBrowserApp>
{
    public const string Name = "browser-registration-limit";
}

/// <summary>One office registers its team from one address until the limit: the refusal is the form, still filled.</summary>
[Collection(LimitedRegistrationBrowserCollection.Name)]
public sealed class RegistrationLimitBrowserTests(LimitedRegistrationBrowserApp app)
{
    [Fact]
    public async Task TheEleventhRegistrationFromOneAddress_ShowsTheWaitInsideTheForm_AndKeepsEveryFieldAsTyped()
    {
        var activity = await app.AddOpenWebinarAsync(capacity: 50);
        var page = await app.NewPageAsync();
        var form = $"/activities/{activity.Slug}/register";

        for (var colleague = 1; colleague <= 10; colleague++)
        {
            await page.GotoAsync(form);
            await FillAsync(page, $"Colleague {colleague}", $"colleague{colleague}@port.example.org", "Port Authority", "Inspector", "PA", "Male", "es");
            await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
            await page.WaitForURLAsync("**/done**");
        }

        await page.GotoAsync(form);
        await FillAsync(page, "Lucía Fernández", "lucia.fernandez@port.example.org", "Autoridad Portuaria Nacional", "Jefa de planificación", "PE", "Female", "es");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith(form, StringComparison.Ordinal));

        response.Status.ShouldBe(429);
        var message = page.Locator("form.registration-form #Email-error");
        (await message.InnerTextAsync()).ShouldContain("Very many registrations have come from your network in a short time. Please send the form again in 10 minutes; everything you typed is kept.");
        (await page.Locator("#error-summary a").GetAttributeAsync("href")).ShouldBe("#Email");
        (await page.Locator("#FullName").InputValueAsync()).ShouldBe("Lucía Fernández");
        (await page.Locator("#Email").InputValueAsync()).ShouldBe("lucia.fernandez@port.example.org");
        (await page.Locator("#Organisation").InputValueAsync()).ShouldBe("Autoridad Portuaria Nacional");
        (await page.Locator("#Position").InputValueAsync()).ShouldBe("Jefa de planificación");
        (await page.Locator("#Country").InputValueAsync()).ShouldBe("PE");
        (await page.Locator("#Gender-Female").IsCheckedAsync()).ShouldBeTrue();
        (await page.Locator("#Language-es").IsCheckedAsync()).ShouldBeTrue();
        (await page.Locator("#Consent").IsCheckedAsync()).ShouldBeTrue();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        (await db.Registrations.CountAsync(r => r.ActivityId == activity.Id)).ShouldBe(10);
    }

    private static async Task FillAsync(IPage page, string name, string email, string organisation, string position, string country, string gender, string language)
    {
        await page.Locator("#FullName").FillAsync(name);
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Organisation").FillAsync(organisation);
        await page.Locator("#Position").FillAsync(position);
        await page.Locator("#Country").SelectOptionAsync(country);
        await page.Locator($"#Gender-{gender}").CheckAsync();
        await page.Locator($"#Language-{language}").CheckAsync();
        await page.Locator("#Consent").CheckAsync();
    }
}
