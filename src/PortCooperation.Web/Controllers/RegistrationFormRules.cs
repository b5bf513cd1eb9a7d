using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Registrations;

namespace PortCooperation.Web.Controllers;

/// <summary>The checks of the registration forms that need the database or an enum: country code and gender.</summary>
internal static class RegistrationFormRules
{
    /// <summary>
    /// Checks the country code without adding anything: a country of the world the portal has no row for yet is
    /// added only by <see cref="CountryIdAsync"/>, once the whole form has passed, so a refused post adds nothing.
    /// </summary>
    public static async Task<(string? CountryCode, Gender? Gender)> ResolveAsync(
        ModelStateDictionary modelState, string? country, string? gender, RegistrationFormReader reader, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        string? countryCode = null;
        if (modelState.GetValidationState("Country") != ModelValidationState.Invalid && country is not null)
        {
            if (await reader.IsCountryAsync(country, cancellationToken))
            {
                countryCode = country;
            }
            else
            {
                modelState.AddModelError("Country", text["Registration_Country_Required"]);
            }
        }

        Gender? parsed = null;
        if (!string.IsNullOrEmpty(gender))
        {
            if (!int.TryParse(gender, out _) && Enum.TryParse<Gender>(gender, ignoreCase: false, out var value) && Enum.IsDefined(value))
            {
                parsed = value;
            }
            else
            {
                modelState.AddModelError("Gender", text["Registration_Gender_Invalid"]);
            }
        }

        return (countryCode, parsed);
    }

    /// <summary>The id of the checked country, adding its row when it is new; null (with the message) if it has gone meanwhile.</summary>
    public static async Task<int?> CountryIdAsync(
        ModelStateDictionary modelState, string countryCode, RegistrationFormReader reader, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var id = await reader.CountryIdAsync(countryCode, cancellationToken);
        if (id is null)
        {
            modelState.AddModelError("Country", text["Registration_Country_Required"]);
        }

        return id;
    }
}
