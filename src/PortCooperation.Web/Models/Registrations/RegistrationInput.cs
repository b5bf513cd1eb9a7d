using System.ComponentModel.DataAnnotations;

namespace PortCooperation.Web.Models.Registrations;

/// <summary>The person fields both registration screens bind (the form and the self-service details).</summary>
public abstract class RegistrationPersonInput
{
    public const int NameLength = 200;

    [Required(ErrorMessage = "Registration_FullName_Required")]
    [StringLength(NameLength, ErrorMessage = "Registration_TooLong")]
    public string? FullName { get; set; }

    [Required(ErrorMessage = "Registration_Organisation_Required")]
    [StringLength(NameLength, ErrorMessage = "Registration_TooLong")]
    public string? Organisation { get; set; }

    [StringLength(NameLength, ErrorMessage = "Registration_TooLong")]
    public string? Position { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code of a country in the list.</summary>
    [Required(ErrorMessage = "Registration_Country_Required")]
    [StringLength(2, ErrorMessage = "Registration_Country_Required")]
    public string? Country { get; set; }

    /// <summary>Optional: empty, or the name of a <see cref="Domain.Gender"/> value.</summary>
    [StringLength(20)]
    public string? Gender { get; set; }

    [Required(ErrorMessage = "Registration_Language_Required")]
    [RegularExpression("^(en|es)$", ErrorMessage = "Registration_Language_Required")]
    public string? Language { get; set; }
}

/// <summary>
/// The public registration form. Only these fields bind: status, activity and token are never taken from a post
/// (docs/quality.md S11). Error messages are resource keys, shown in the visitor's language.
/// </summary>
public sealed class RegistrationInput : RegistrationPersonInput
{
    [Required(ErrorMessage = "Registration_Email_Required")]
    [StringLength(254, ErrorMessage = "Registration_TooLong")]
    // Whether it is one mailbox is decided by the mail library, in the controller (EmailAddresses.Parse).
    public string? Email { get; set; }

    [Range(typeof(bool), "true", "true", ErrorMessage = "Registration_Consent_Required")]
    public bool Consent { get; set; }

    /// <summary>Honeypot: hidden from people, filled in by bots. A post with a value is dropped silently.</summary>
    public string? Website { get; set; }
}

/// <summary>The details a registrant may correct through their private link (not the e-mail address, the registration's key).</summary>
public sealed class RegistrationDetailsInput : RegistrationPersonInput;
