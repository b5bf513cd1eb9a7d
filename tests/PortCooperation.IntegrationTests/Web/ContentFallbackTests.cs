using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Web;

public sealed class ContentFallbackTests
{
    private static readonly DateTime Now = WebFactory.DefaultNow.UtcDateTime;

    [Fact]
    public async Task MissingSpanishTitle_ShowsTheEnglishOne_MarkedAndTaggedAsEnglish()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(NewActivity("Smart ports and new technologies", Now.AddDays(3), a => a.TitleEs = null));

        var page = await factory.CreateClient().GetDocumentAsync("/?culture=es");

        var title = page.QuerySelector("#upcoming-activities .activity-card__title")!;
        var english = title.QuerySelector("span[lang=en]");
        english.ShouldNotBeNull();
        english.TextContent.ShouldBe("Smart ports and new technologies");
        Squash(title.QuerySelector(".fallback-marker")?.TextContent).ShouldBe("(en inglés)");
    }

    [Fact]
    public async Task TranslatedTitle_ShowsInEachLanguage_WithoutMarker()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(NewActivity("Port resiliency", Now.AddDays(3), a => a.TitleEs = "Resiliencia portuaria"));

        var spanish = await factory.CreateClient().GetDocumentAsync("/?culture=es");
        var english = await factory.CreateClient().GetDocumentAsync("/");

        var titulo = spanish.QuerySelector("#upcoming-activities .activity-card__title")!;
        Squash(titulo.TextContent).ShouldBe("Resiliencia portuaria");
        titulo.QuerySelector(".fallback-marker").ShouldBeNull();
        Squash(english.QuerySelector("#upcoming-activities .activity-card__title")!.TextContent).ShouldBe("Port resiliency");
    }
}
