using AngleSharp.Html.Dom;
using PortCooperation.IntegrationTests.Admin;
using static PortCooperation.IntegrationTests.Registrations.RegistrationTestKit;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Web;

/// <summary>
/// A refused form of every family (public, sign-in, staff records) comes back with the same promises: each summary
/// message links to an element of the page, each error beside a field is read with its control, and each invalid
/// control says so.
/// </summary>
public sealed class RefusedFormTests
{
    [Fact]
    public async Task RefusedRegistrationAndPasswordForms_TieEveryErrorToItsField()
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity();
        await factory.AddAsync(activity);
        var client = factory.CreateClient();

        using var registration = await client.PostRegistrationAsync(activity.Slug, new Dictionary<string, string> { ["Email"] = "no-address" });
        ShouldTieErrorsToFields(await ParseAsync(registration), "registration", atLeast: 5);

        using var forgot = await client.SubmitAsync("/Identity/Password/Forgot", "#forgot-form", new() { ["Email"] = "" });
        ShouldTieErrorsToFields(await ParseAsync(forgot), "forgotten password", atLeast: 1);
    }

    [Theory]
    [InlineData("Activities", "#activity-form")]
    [InlineData("Documents", "#document-form")]
    [InlineData("Collections", "#collection-form")]
    [InlineData("Countries", "#record-form")]
    [InlineData("Organisations", "#record-form")]
    [InlineData("Programmes", "#record-form")]
    [InlineData("PortSystems", "#record-form")]
    [InlineData("ScholarshipAwards", "#record-form")]
    [InlineData("SpeakingEngagements", "#record-form")]
    public async Task AnEmptyStaffRecordForm_TiesEveryErrorToItsField(string screen, string form)
    {
        using var factory = new WebFactory();
        var client = await factory.SignedInStaffAsync();

        using var response = await client.SubmitAsync($"/Admin/{screen}/Create", form, []);

        ShouldTieErrorsToFields(await ParseAsync(response), screen, atLeast: 1);
    }

    private static void ShouldTieErrorsToFields(IHtmlDocument page, string form, int atLeast)
    {
        var links = page.QuerySelectorAll("#error-summary a").Select(a => a.GetAttribute("href")!).ToList();
        links.Count.ShouldBeGreaterThanOrEqualTo(atLeast, $"{form}: the summary lists the errors");
        foreach (var link in links)
        {
            page.GetElementById(link.TrimStart('#')).ShouldNotBeNull($"{form}: the summary link {link} leads to the page");
        }

        var described = page.QuerySelectorAll("[aria-describedby]")
            .SelectMany(e => e.GetAttribute("aria-describedby")!.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
        var errors = page.QuerySelectorAll("[id$='-error']").Select(e => e.Id!).ToList();
        errors.Count.ShouldBeGreaterThanOrEqualTo(atLeast, $"{form}: each error stands beside its field");
        errors.ShouldAllBe(id => described.Contains(id), $"{form}: every error beside a field is read with its control");
        foreach (var control in page.QuerySelectorAll("input[aria-invalid='true'], select[aria-invalid='true'], textarea[aria-invalid='true']"))
        {
            control.GetAttribute("aria-describedby").ShouldNotBeNull($"{form}: {control.Id} says why it is invalid");
        }
    }
}
