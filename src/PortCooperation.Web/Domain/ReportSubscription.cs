namespace PortCooperation.Web.Domain;

/// <summary>
/// A staff member's subscription to the quarterly executive report: when a quarter ends, one mail
/// with that quarter's report goes to the account's address, in <see cref="Language"/>, for everything, one region or
/// one member state. One subscription per account.
/// </summary>
public class ReportSubscription
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public ApplicationUser? User { get; set; }

    /// <summary>"en" or "es".</summary>
    public string Language { get; set; } = "en";

    /// <summary>Set for a report of one region (and <see cref="CountryCode"/> null).</summary>
    public Region? Region { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code of one member state, for a report of that state only.</summary>
    public string? CountryCode { get; set; }

    /// <summary>Only quarters that end after this moment are mailed: subscribing does not resend a finished quarter.</summary>
    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}
