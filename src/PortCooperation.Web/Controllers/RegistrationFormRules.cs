using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Registrations;

namespace PortCooperation.Web.Controllers;

/// <summary>The checks of the registration forms that need the database or an enum: country code and gender.</summary>
internal static class RegistrationFormRules
{
    public static async Task<(int? CountryId, Gender? Gender)> ResolveAsync(
        ModelStateDictionary modelState, string? country, string? gender, RegistrationFormReader reader, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        int? countryId = null;
        if (modelState.GetValidationState("Country") != ModelValidationState.Invalid && country is not null)
        {
            countryId = await reader.CountryIdAsync(country, cancellationToken);
            if (countryId is null)
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

        return (countryId, parsed);
    }
}
