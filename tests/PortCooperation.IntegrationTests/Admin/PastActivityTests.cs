using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Admin;

/// <summary>A past activity entered in one save (held, published or not), and a time zone taken from the host country.</summary>
public sealed class PastActivityTests
{
    [Fact]
    public async Task APastWebinar_IsCreatedHeldAndPublished_InOneSave_InTheHostCountrysZone()
    {
        using var factory = new WebFactory();
        var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var client = await factory.SignedInStaffAsync();

        using var response = await client.SubmitAsync("/Admin/Activities/Create", "#activity-form", new()
        {
            ["Kind"] = "Webinar", ["TitleEn"] = "Port community systems in practice", ["Language"] = "es",
            ["TimeZoneId"] = "", ["HostCountryId"] = peru.Id.ToString(CultureInfo.InvariantCulture),
            ["Starts"] = "2032-02-10T10:00", ["Ends"] = "2032-02-10T12:00", ["AlreadyHeld"] = "true", ["PublishAtOnce"] = "true",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var saved = await factory.WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync());
        (saved.Status, saved.PublicationState, saved.TimeZoneId).ShouldBe((ActivityStatus.Held, PublicationState.Published, "America/Lima"));
        saved.StartsAtUtc.ShouldBe(new DateTime(2032, 2, 10, 15, 0, 0, DateTimeKind.Utc));
        var page = await client.PageAsync(response.Headers.Location!.OriginalString);
        page.QuerySelector("#activity-slug")!.TextContent.Trim().ShouldBe(saved.Slug);
        page.QuerySelector("#attendance-import-link").ShouldNotBeNull();
        (await client.GetDocumentAsync("/activities/" + saved.Slug)).QuerySelector("h1")!.TextContent.ShouldContain("Port community systems in practice");
    }

    [Fact]
    public async Task AnActivityNotYetEnded_CannotBeCreatedHeld_AndNoZoneNorCountry_IsRefusedBesideTheField()
    {
        using var factory = new WebFactory();
        var client = await factory.SignedInStaffAsync();

        using var response = await client.SubmitAsync("/Admin/Activities/Create", "#activity-form", new()
        {
            ["Kind"] = "Webinar", ["TitleEn"] = "Future webinar", ["Language"] = "en", ["TimeZoneId"] = "",
            ["Starts"] = "2032-04-10T10:00", ["Ends"] = "2032-04-10T12:00", ["AlreadyHeld"] = "true",
        });

        response.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
        var page = await ParseAsync(response);
        page.QuerySelector("#f-TimeZoneId-error")!.TextContent.ShouldContain("Choose a time zone");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#f-TitleEn")!.Value.ShouldBe("Future webinar");
        (await factory.WithDbAsync(db => db.Activities.CountAsync())).ShouldBe(0);

        using var held = await client.SubmitAsync("/Admin/Activities/Create", "#activity-form", new()
        {
            ["Kind"] = "Webinar", ["TitleEn"] = "Future webinar", ["Language"] = "en", ["TimeZoneId"] = "America/Lima",
            ["Starts"] = "2032-04-10T10:00", ["Ends"] = "2032-04-10T12:00", ["AlreadyHeld"] = "true",
        });
        (await ParseAsync(held)).QuerySelector("#f-AlreadyHeld-error")!.TextContent.ShouldContain("not ended yet");
    }

    [Fact]
    public async Task TheTimeZoneList_IsGroupedByRegion_WithTheHostCountryOptionFirst()
    {
        using var factory = new WebFactory();
        var client = await factory.SignedInStaffAsync();

        var page = await client.PageAsync("/Admin/Activities/Create");

        var select = page.QuerySelector("#f-TimeZoneId")!;
        select.QuerySelector("option")!.GetAttribute("value").ShouldBe("");
        select.QuerySelectorAll("optgroup").Select(g => g.GetAttribute("label")).First().ShouldBe("America");
        select.QuerySelector("option[value='America/Lima']")!.TextContent.ShouldBe("Lima (UTC-05:00)");
        select.QuerySelectorAll("optgroup[label=America] option").Select(o => o.TextContent).ShouldBeInOrder(SortDirection.Ascending, StringComparer.Ordinal);
    }
}
