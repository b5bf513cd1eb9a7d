namespace PortCooperation.Web.Domain;

/// <summary>
/// A staff member's subscription to the quarterly executive report: when a quarter ends, one mail
/// with that quarter's report goes to the account's address, in <see cref="Language"/>, for everything, one region,
/// one member state, one partner organisation or one programme (at most one of the four is set, as in the report's
/// own scope). One subscription per account.
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

    /// <summary>
    /// Id of the partner organisation, for a report of what it took part in. A plain value like
    /// <see cref="CountryCode"/>, not a foreign key: deleting the organisation leaves a report of nothing, never a wider one.
    /// </summary>
    public int? PartnerId { get; set; }

    /// <summary>Id of the programme, for a report of its lead organisation's activities and its awards (plain value, as <see cref="PartnerId"/>).</summary>
    public int? ProgrammeId { get; set; }

    /// <summary>Only quarters that end after this moment are mailed: subscribing does not resend a finished quarter.</summary>
    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}
