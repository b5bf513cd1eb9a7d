using System.Net;
using static PortCooperation.IntegrationTests.Web.WebTestData;


namespace PortCooperation.IntegrationTests.Web;

public sealed class PrivacyPageTests
{
    [Fact]
    public async Task FooterLinkOfEveryPage_LeadsToTheNotice_WithTheVersionAndRetentionInForce()
    {
        using var factory = new WebFactory(settings: new Dictionary<string, string?>
        {
            ["Registration:PrivacyNoticeVersion"] = "2027-03",
            ["Registration:RetentionDays"] = "180",
            ["Registration:PrivacyContact"] = "dpo@example.org",
        });
        var client = factory.CreateClient();

        var home = await client.GetDocumentAsync("/");
        var link = home.QuerySelector("footer a[href='/privacy']").ShouldNotBeNull("the footer links to the privacy notice");
        var notice = await client.GetDocumentAsync(link.GetAttribute("href")!);

        notice.QuerySelector("h1")!.TextContent.ShouldBe("Privacy notice");
        Squash(notice.GetElementById("privacy-version")!.TextContent).ShouldStartWith("Version 2027-03.");
        notice.GetElementById("privacy-retention")!.TextContent.ShouldContain("180 days");
        notice.QuerySelector("#privacy-contact a[href='mailto:dpo@example.org']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Notice_InSpanish()
    {
        using var factory = new WebFactory();

        var notice = await factory.CreateClient().GetDocumentAsync("/privacy?culture=es");

        notice.QuerySelector("h1")!.TextContent.ShouldBe("Aviso de privacidad");
        notice.GetElementById("privacy-retention")!.TextContent.ShouldContain("365 días");
    }

    [Fact]
    public async Task RegistrationForm_LinksTheNoticeItAsksConsentTo()
    {
        using var factory = new WebFactory(settings: Registrations.RegistrationTestKit.Settings());
        var activity = Registrations.RegistrationTestKit.OpenActivity();
        await factory.AddAsync(activity);
        var client = factory.CreateClient();

        var form = await client.GetDocumentAsync($"/activities/{activity.Slug}/register");
        var link = form.QuerySelector(".registration-privacy__version a").ShouldNotBeNull();

        link.GetAttribute("href").ShouldBe("/privacy");
        link.TextContent.ShouldContain(new PortCooperation.Web.Services.Registrations.RegistrationOptions().PrivacyNoticeVersion);
        (await client.GetAsync("/privacy")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
