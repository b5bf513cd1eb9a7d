using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Registrations.RegistrationTestKit;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Registrations;

/// <summary>The private link of docs/quality.md S17: see, correct, cancel, download and delete, never cached.</summary>
public sealed class SelfServiceTests
{
    private static async Task<(WebFactory Factory, HttpClient Client, Activity Activity, Registration Registration)> RegisteredAsync(Action<Activity>? change = null)
    {
        var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity(change);
        await factory.AddAsync(activity);
        var client = factory.CreateBrowserLikeClient();
        // Registered in English: the private page speaks the registration's language.
        (await client.PostRegistrationAsync(activity.Slug, Fields(email: "ana@example.org", language: "en"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (factory, client, activity, (await factory.RegistrationsAsync(activity.Id)).Single());
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string action, Dictionary<string, string>? fields = null)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var form = page.QuerySelectorAll("form").Single(f => f.GetAttribute("action") == action);
        var all = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")! };
        return await client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    [Fact]
    public async Task ThePage_ShowsTheRegistration_IsNeverStored_AndAnUnknownTokenIs404()
    {
        var (factory, client, _, registration) = await RegisteredAsync();
        using var _f = factory;

        using var response = await client.GetAsync($"/registrations/{registration.AccessToken}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var page = await ParseAsync(response);
        Squash(page.QuerySelector(".self-service__status")!.TextContent).ShouldBe("Confirmed");
        page.QuerySelector("#FullName")!.GetAttribute("value").ShouldBe("Ana Pérez");
        (await client.GetAsync("/registrations/not-a-real-token-at-all")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UpdatingDetails_SavesThem_AndInvalidDetailsShowErrors()
    {
        var (factory, client, activity, registration) = await RegisteredAsync();
        using var _f = factory;
        var url = $"/registrations/{registration.AccessToken}";
        var fields = new Dictionary<string, string>
        {
            ["FullName"] = "Ana María Pérez", ["Organisation"] = "APN", ["Position"] = "", ["Country"] = "CL", ["Gender"] = "PreferNotToSay", ["Language"] = "en",
        };

        using var saved = await PostAsync(client, url, $"{url}/details", fields);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = (await factory.RegistrationsAsync(activity.Id)).Single();
        after.FullName.ShouldBe("Ana María Pérez");
        after.Gender.ShouldBe(Gender.PreferNotToSay);
        after.Language.ShouldBe("en");
        after.Email.ShouldBe("ana@example.org");

        fields["FullName"] = "";
        using var invalid = await PostAsync(client, url, $"{url}/details", fields);
        invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ParseAsync(invalid)).QuerySelector("#FullName-error").ShouldNotBeNull();
    }

    [Fact]
    public async Task Cancelling_PromotesTheFirstWaitlistedPerson_AndOnlyOnce()
    {
        var (factory, client, activity, registration) = await RegisteredAsync(a => { a.Capacity = 1; a.WaitingListEnabled = true; });
        using var _f = factory;
        (await client.PostRegistrationAsync(activity.Slug, Fields(email: "next@example.org"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var url = $"/registrations/{registration.AccessToken}";

        (await PostAsync(client, $"{url}/cancel", $"{url}/cancel")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await client.GetDocumentAsync(url);
        Squash(page.QuerySelector(".self-service__status")!.TextContent).ShouldBe("Cancelled");
        page.GetElementById("cancel-link").ShouldBeNull();
        (await client.GetAsync($"{url}/cancel")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "nothing left to cancel");
        (await factory.RegistrationsAsync(activity.Id)).Select(r => r.Status).ShouldBe([RegistrationStatus.Cancelled, RegistrationStatus.Confirmed]);
        (await factory.OutboxAsync()).Count(m => m.IdempotencyKey.StartsWith("Promoted:", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Theory]
    [InlineData("cancel", "Cancel your place?", "Yes, cancel my place")]
    [InlineData("delete", "Delete your personal data?", "Yes, delete my data")]
    public async Task CancelAndDelete_AskOnceMore_OnAPageOfTheirOwn_AndNoChangesNothing(string step, string question, string yes)
    {
        var (factory, client, activity, registration) = await RegisteredAsync();
        using var _f = factory;
        var url = $"/registrations/{registration.AccessToken}";

        var page = await client.GetDocumentAsync(url);
        page.QuerySelectorAll("form").Select(f => f.GetAttribute("action")).ShouldNotContain($"{url}/{step}", "one click on the private page must not act");
        var link = page.GetElementById($"{step}-link").ShouldNotBeNull();
        var confirm = await client.GetDocumentAsync(link.GetAttribute("href")!);

        confirm.QuerySelector("h1")!.TextContent.ShouldBe(question);
        confirm.QuerySelector($"form[action='{url}/{step}'] button[type=submit]")!.TextContent.ShouldBe(yes);
        confirm.QuerySelector($"form[action='{url}/{step}'] a")!.GetAttribute("href").ShouldBe(url);
        var after = (await factory.RegistrationsAsync(activity.Id)).Single();
        after.Status.ShouldBe(RegistrationStatus.Confirmed);
        after.AnonymisedAtUtc.ShouldBeNull();
    }

    [Fact]
    public async Task ThePrivateLink_OpensInTheLanguageOfTheRegistration_UnlessTheVisitorChoseOne()
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity();
        await factory.AddAsync(activity);
        var client = factory.CreateBrowserLikeClient();
        var fields = Fields(email: "luz@example.org", language: "es");
        (await client.PostRegistrationAsync(activity.Slug, fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var url = $"/registrations/{(await factory.RegistrationsAsync(activity.Id)).Single().AccessToken}";
        var englishBrowser = factory.CreateBrowserLikeClient();
        englishBrowser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        (await englishBrowser.GetDocumentAsync(url)).DocumentElement.GetAttribute("lang").ShouldBe("es");
        (await englishBrowser.GetDocumentAsync($"{url}/cancel")).QuerySelector("h1")!.TextContent.ShouldBe("¿Cancelar su plaza?");
        (await englishBrowser.GetDocumentAsync($"{url}?culture=en")).DocumentElement.GetAttribute("lang").ShouldBe("en");
    }

    [Fact]
    public async Task DownloadingData_GivesEverythingStored_AsJson()
    {
        var (factory, client, _, registration) = await RegisteredAsync();
        using var _f = factory;

        using var response = await client.GetAsync($"/registrations/{registration.AccessToken}/data.json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("Email").GetString().ShouldBe("ana@example.org");
        json.RootElement.GetProperty("ConsentTextVersion").GetString().ShouldBe("2026-11");
        json.RootElement.GetProperty("CountryCode").GetString().ShouldBe("PE");
        json.RootElement.GetProperty("Status").GetString().ShouldBe("Confirmed");
    }

    [Fact]
    public async Task DeletingData_AnonymisesTheRegistration_KeepsCountryAndGender_DeletesItsMails_AndKillsTheLink()
    {
        var (factory, client, activity, registration) = await RegisteredAsync();
        using var _f = factory;
        var url = $"/registrations/{registration.AccessToken}";

        using var response = await PostAsync(client, $"{url}/delete", $"{url}/delete");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/registrations/deleted");
        var after = (await factory.RegistrationsAsync(activity.Id)).Single();
        after.FullName.ShouldBeEmpty();
        after.Email.ShouldBeEmpty();
        after.OrganisationName.ShouldBeNull();
        after.AnonymisedAtUtc.ShouldBe(Now);
        after.Status.ShouldBe(RegistrationStatus.Cancelled);
        after.Gender.ShouldBe(Gender.Female);
        after.CountryId.ShouldNotBeNull();
        (await factory.OutboxAsync()).ShouldBeEmpty();
        (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"{url}/data.json")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
