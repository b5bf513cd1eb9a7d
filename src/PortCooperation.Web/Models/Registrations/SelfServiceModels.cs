using System.ComponentModel.DataAnnotations;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Models.Registrations;

/// <summary>The details a registrant may correct through their private link.</summary>
public sealed class RegistrationDetailsInput
{
    [Required(ErrorMessage = "Registration_FullName_Required")]
    [StringLength(RegistrationInput.NameLength, ErrorMessage = "Registration_TooLong")]
    public string? FullName { get; set; }

    [Required(ErrorMessage = "Registration_Organisation_Required")]
    [StringLength(RegistrationInput.NameLength, ErrorMessage = "Registration_TooLong")]
    public string? Organisation { get; set; }

    [StringLength(RegistrationInput.NameLength, ErrorMessage = "Registration_TooLong")]
    public string? Position { get; set; }

    [Required(ErrorMessage = "Registration_Country_Required")]
    [StringLength(2, ErrorMessage = "Registration_Country_Required")]
    public string? Country { get; set; }

    [StringLength(20)]
    public string? Gender { get; set; }

    [Required(ErrorMessage = "Registration_Language_Required")]
    [RegularExpression("^(en|es)$", ErrorMessage = "Registration_Language_Required")]
    public string? Language { get; set; }
}

/// <summary>The private self-service page of one registration.</summary>
public sealed class SelfServicePageModel
{
    public required string Token { get; init; }
    public required RegistrationActivityModel Activity { get; init; }
    public RegistrationStatus Status { get; init; }
    public string Email { get; init; } = "";
    public DateTime ConsentGivenAtUtc { get; init; }
    public string ConsentTextVersion { get; init; } = "";
    public required IReadOnlyList<CountryOption> Countries { get; init; }
    public RegistrationDetailsInput Input { get; set; } = new();
    public bool Saved { get; init; }
    public bool CanCancel => Status is RegistrationStatus.Confirmed or RegistrationStatus.Pending or RegistrationStatus.Waitlisted;
}

/// <summary>The person fields shared by the registration form and the self-service details form.</summary>
public sealed class RegistrationFieldsModel
{
    public string? FullName { get; init; }
    public string? Email { get; init; }
    public string? Organisation { get; init; }
    public string? Position { get; init; }
    public string? Country { get; init; }
    public string? Gender { get; init; }
    public string? Language { get; init; }
    public bool ShowEmail { get; init; }
    public IReadOnlyList<CountryOption> Countries { get; init; } = [];
}
