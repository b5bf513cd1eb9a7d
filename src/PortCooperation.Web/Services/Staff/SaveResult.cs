namespace PortCooperation.Web.Services.Staff;

public enum SaveOutcome
{
    Saved,
    Invalid,
    Stale,
    NotFound,
}

/// <summary>What a staff save answered: the outcome, the record's id, and for a refused stale save the fields a colleague changed, who and when.</summary>
public sealed record SaveResult(SaveOutcome Outcome, int? Id = null, IReadOnlyDictionary<string, string>? Conflicts = null, string? ConflictBy = null, DateTime? ConflictAt = null);
