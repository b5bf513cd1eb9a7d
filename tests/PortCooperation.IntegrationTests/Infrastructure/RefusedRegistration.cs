using System.Net;
using AngleSharp.Html.Dom;
using PortCooperation.IntegrationTests.Web;
using static PortCooperation.IntegrationTests.Registrations.RegistrationTestKit;

namespace PortCooperation.IntegrationTests.Infrastructure;

/// <summary>
/// Posts the public registration form of a fresh open activity with one e-mail address, the way a browser does, for
/// tests of addresses the form must refuse: checks the form came back (200) with nothing stored or queued, and
/// returns that page for the test to read the message beside the field.
/// </summary>
internal static class RefusedRegistration
{
    public static async Task<IHtmlDocument> PostAsync(string email, string acceptLanguage = "en")
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity();
        await factory.AddAsync(activity);

        using var response = await factory.CreateBrowserLikeClient().PostRegistrationAsync(activity.Slug, Fields(email: email), acceptLanguage);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, email);
        (await factory.RegistrationsAsync(activity.Id)).ShouldBeEmpty(email);
        (await factory.OutboxAsync()).ShouldBeEmpty(email);
        return await WebTestData.ParseAsync(response);
    }
}
