using System.Linq.Expressions;

namespace PortCooperation.Web.Domain;

/// <summary>A person's registration for an activity. One per activity and normalised e-mail.</summary>
public class Registration : EditableEntity
{
    /// <summary>The registrations that hold one of the activity's places (confirmed, or awaiting the secretariat's approval).</summary>
    public static Expression<Func<Registration, bool>> TakesPlace { get; } =
        r => r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Pending;

    private static readonly Func<Registration, bool> _takesPlace = TakesPlace.Compile();

    /// <summary>Whether this loaded registration holds a place, by the rule of <see cref="TakesPlace"/>.</summary>
    public bool HoldsPlace() => _takesPlace(this);

    public int ActivityId { get; set; }

    public Activity? Activity { get; set; }

    public string FullName { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary>Trimmed, lower-cased e-mail: the uniqueness key together with the activity.</summary>
    public string NormalizedEmail { get; set; } = "";

    public string? OrganisationName { get; set; }

    public string? Position { get; set; }

    public int? CountryId { get; set; }

    public Country? Country { get; set; }

    public Gender? Gender { get; set; }

    /// <summary>Language for mails and the self-service page ("en" or "es").</summary>
    public string Language { get; set; } = "en";

    public DateTime ConsentGivenAtUtc { get; set; }

    public string ConsentTextVersion { get; set; } = "";

    public RegistrationStatus Status { get; set; }

    public bool? Attended { get; set; }

    /// <summary>Unguessable token for the registrant's private self-service link.</summary>
    public string AccessToken { get; set; } = "";

    public DateTime? CancelledAtUtc { get; set; }

    public DateTime? AnonymisedAtUtc { get; set; }
}
