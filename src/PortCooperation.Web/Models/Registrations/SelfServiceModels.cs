using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Models.Registrations;

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

    /// <summary>Only a confirmed place goes into the registrant's calendar (with the join link).</summary>
    public bool CanAddToCalendar => Status == RegistrationStatus.Confirmed;
}

public enum SelfServiceStep
{
    Cancel,
    Delete,
}

/// <summary>The page that asks once more before a place is given away or the personal data erased.</summary>
public sealed record SelfServiceConfirmModel(SelfServicePageModel Page, SelfServiceStep Step);

/// <summary>The person fields shared by the registration form and the self-service details form.</summary>
public sealed class RegistrationFieldsModel
{
    public required RegistrationPersonInput Input { get; init; }

    /// <summary>The address, asked only by the registration form (the self-service form cannot change it).</summary>
    public string? Email => (Input as RegistrationInput)?.Email;

    public bool ShowEmail => Input is RegistrationInput;

    public IReadOnlyList<CountryOption> Countries { get; init; } = [];

    /// <summary>The fields in page order, for the error summary.</summary>
    public static readonly IReadOnlyList<string> PersonFields =
    [
        nameof(RegistrationInput.FullName), nameof(RegistrationInput.Email), nameof(RegistrationInput.Organisation),
        nameof(RegistrationInput.Position), nameof(RegistrationInput.Country), nameof(RegistrationInput.Gender),
        nameof(RegistrationInput.Language),
    ];
}
