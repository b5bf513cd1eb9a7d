using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;
using PortCooperation.Web.Domain;

namespace PortCooperation.BrowserTests;

/// <summary>
/// /Admin/Accounts on phones (A1): at 320 and 375 px every account is a card of labelled lines, nothing in
/// the list region scrolls sideways, the table keeps its roles for screen readers, and axe finds nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffAccountsPhoneTests(BrowserApp app)
{
    [Theory]
    [InlineData(320)]
    [InlineData(375)]
    public async Task TheAccountsList_IsReadableOnAPhone_WithoutSidewaysScrolling(int width)
    {
        // A long address, a long name and a locked account: the widest cells the list has.
        await app.CreateStaffAsync($"port.authority.secretariat.coordinator{width}@harbour-administration.example.org", Roles.Editor, user =>
        {
            user.DisplayName = "María Fernanda Quiñónez de la Torre";
            user.LockoutEnd = DateTimeOffset.UtcNow.AddHours(1);
        });

        var page = await app.SignedInStaffPageAsync($"accounts.phone{width}@example.org", Roles.Administrator,
            new BrowserNewContextOptions { BypassCSP = true, ViewportSize = new ViewportSize { Width = width, Height = 800 } });
        await page.GotoAsync("/Admin/Accounts");

        var sideways = await page.EvaluateAsync<int[]>(@"() => {
            const region = document.querySelector('.accounts-list'), table = document.getElementById('accounts');
            return [region.scrollWidth - region.clientWidth, document.documentElement.scrollWidth - document.documentElement.clientWidth,
                    Math.ceil(table.getBoundingClientRect().right) - region.getBoundingClientRect().right];
        }");
        sideways.ShouldAllBe(overflow => overflow <= 0, $"the list scrolls sideways at {width} px: {string.Join(", ", sideways)}");
        (await page.Locator("#accounts thead").BoundingBoxAsync())!.Height.ShouldBeLessThanOrEqualTo(1, "the header row is for screen readers only");
        var label = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('#accounts tbody td[data-locked]'), '::before').content");
        label.ShouldBe("\"Lockout\" / \"\"", "each line is labelled with its column's name, a label screen readers skip");
        var card = (await page.Locator("#accounts tbody tr").First.BoundingBoxAsync())!;
        (card.X + card.Width).ShouldBeLessThanOrEqualTo(width);
        (await page.Locator("#accounts").GetAttributeAsync("role")).ShouldBe("table");
        (await page.GetByRole(AriaRole.Columnheader).CountAsync()).ShouldBe(7, "the column headers are still in the accessibility tree");
        var rows = await page.Locator("#accounts tbody tr").CountAsync();
        rows.ShouldBeGreaterThanOrEqualTo(2);
        (await page.GetByRole(AriaRole.Cell).CountAsync()).ShouldBe(7 * rows, "every cell, empty ones too, stays in the accessibility tree");

        Directory.CreateDirectory(StaffActivitiesTests.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(StaffActivitiesTests.ScreenshotFolder, $"staff-accounts-{width}.png"), FullPage = true });
        var violations = await Axe.ViolationsAsync(page);
        violations.ShouldBeEmpty(string.Join(Environment.NewLine, violations));
    }
}
