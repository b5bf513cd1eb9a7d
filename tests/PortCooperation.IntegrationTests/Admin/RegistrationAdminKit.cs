using System.Globalization;
using AngleSharp.Html.Dom;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;

namespace PortCooperation.IntegrationTests.Admin;

/// <summary>Registrations arranged directly, and the staff registrations screen's forms posted the way a browser does.</summary>
internal static class RegistrationAdminKit
{
    public static Registration NewRegistration(int activityId, string name, string email, RegistrationStatus status, bool? attended = null, int? countryId = null, string language = "en") => new()
    {
        ActivityId = activityId,
        FullName = name,
        Email = email,
        NormalizedEmail = email.Trim().ToLowerInvariant(),
        Status = status,
        Attended = attended,
        CountryId = countryId,
        Language = language,
        AccessToken = Guid.NewGuid().ToString("N"),
        ConsentTextVersion = "1",
        ConsentGivenAtUtc = WebFactory.DefaultNow.UtcDateTime,
    };

    /// <summary>
    /// Loads the page, takes the fields of <paramref name="formSelector"/> as rendered (token included), replaces the
    /// names given in <paramref name="values"/> with all their values (repeated names allowed) and posts to <paramref name="action"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, string formSelector, string? action, params (string Name, object Value)[] values)
    {
        var page = await client.PageAsync(pageUrl);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement;
        form.ShouldNotBeNull($"no form {formSelector} on {pageUrl}");
        var fields = StaffClient.FieldsOf(form);
        var names = values.Select(v => v.Name).ToHashSet();
        fields.RemoveAll(f => names.Contains(f.Key));
        fields.AddRange(values.Select(v => new KeyValuePair<string, string>(v.Name, Convert.ToString(v.Value, CultureInfo.InvariantCulture)!)));
        return await client.PostAsync(action ?? form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }
}
