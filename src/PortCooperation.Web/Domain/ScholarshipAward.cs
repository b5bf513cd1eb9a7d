namespace PortCooperation.Web.Domain;

/// <summary>A scholarship paid for a person from a country to follow a course or programme.</summary>
public class ScholarshipAward : EditableEntity
{
    public string RecipientName { get; set; } = "";

    public Gender? Gender { get; set; }

    public int CountryId { get; set; }

    public Country? Country { get; set; }

    /// <summary>The course it pays for when that course is on file.</summary>
    public int? ActivityId { get; set; }

    public Activity? Activity { get; set; }

    /// <summary>Name of the course or programme when it is not an activity on file.</summary>
    public string? ProgrammeName { get; set; }

    public decimal AmountUsd { get; set; }

    public DateOnly AwardedOn { get; set; }

    public bool IsDemo { get; set; }
}
