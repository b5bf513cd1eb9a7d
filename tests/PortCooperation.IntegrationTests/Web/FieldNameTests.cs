using PortCooperation.IntegrationTests.Admin;

namespace PortCooperation.IntegrationTests.Web;

/// <summary>
/// The names of the filter and list forms come from their models (name-for, Html.BoundNameFor) and are the query
/// parameters bookmarked links, the output cache and the tests use: lower-case on the filters, the input's own
/// property names on the posted forms.
/// </summary>
public sealed class FieldNameTests
{
    [Fact]
    public async Task PublicFilterAndSearchForms_UseTheLowerCaseQueryParameters()
    {
        using var factory = new WebFactory();
        var client = factory.CreateClient();

        Names(await client.GetDocumentAsync("/activities"), "form.filter-form").ShouldBe(["kind", "status", "year", "language", "partner", "country"]);
        Names(await client.GetDocumentAsync("/"), "form.home-search").ShouldBe(["q"]);
        Names(await client.GetDocumentAsync("/library"), "form.library-search").ShouldBe(["q"]);
        Names(await client.GetDocumentAsync("/library"), "form.library-sort").ShouldContain("sort");
        Names(await client.GetDocumentAsync("/analytics/consent"), "form.consent-form").ShouldBe(["returnUrl", "choice", "choice", "__RequestVerificationToken"]);
    }

    [Fact]
    public async Task StaffFilterBars_UseTheLowerCaseQueryParameters_AndPostedFormsTheInputsNames()
    {
        using var factory = new WebFactory();
        var client = await factory.SignedInStaffAsync(role: PortCooperation.Web.Domain.Roles.Administrator);

        Names(await client.PageAsync("/Admin/Countries?sort=name"), "form.staff-filters").ShouldBe(["q", "region", "member", "sort"]);
        Names(await client.PageAsync("/Admin/Activities?sort=title"), "form.staff-filters").ShouldBe(["q", "kind", "status", "publication", "year", "sort"]);
        Names(await client.PageAsync("/Admin/Audit"), "form.staff-filters").ShouldBe(["user", "type", "operation", "from", "to"]);
        Names(await client.PageAsync("/Admin/Accounts"), "form.staff-filters").ShouldBe(["q", "role", "state"]);
        var reports = await client.PageAsync("/Admin/Reports");
        reports.QuerySelectorAll("#period, #periodYear, #periodQuarter, #from, #to, #scope, #region, #state, #partner, #programme")
            .Select(e => e.GetAttribute("name")).ShouldBe(["period", "periodYear", "periodQuarter", "from", "to", "scope", "region", "state", "partner", "programme"]);
        Names(await client.PageAsync("/Admin/Accounts/Invite"), "#invite-form").ShouldBe(["Email", "DisplayName", "Role", "Role", "Language", "Language", "__RequestVerificationToken"]);
    }

    private static string?[] Names(AngleSharp.Html.Dom.IHtmlDocument page, string form) =>
        [.. page.QuerySelector(form)!.QuerySelectorAll("input[name], select[name], textarea[name], button[name]").Select(e => e.GetAttribute("name"))];
}
