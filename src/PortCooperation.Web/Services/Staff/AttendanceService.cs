using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Registrations;

namespace PortCooperation.Web.Services.Staff;

/// <summary>What confirming the import does with one person of the report.</summary>
public enum AttendanceOutcome
{
    /// <summary>Registered on the portal, not yet marked present: will be.</summary>
    MarkAttended,

    /// <summary>Registered and already marked present: nothing changes.</summary>
    AlreadyAttended,

    /// <summary>Not registered: recorded as an attendee of the activity.</summary>
    NewAttendee,

    /// <summary>Already recorded as an attendee by an earlier import: nothing changes.</summary>
    AlreadyRecorded,
}

/// <summary>One person of the report and what will happen to them; the country as read and as recognised (null when not).</summary>
public sealed record AttendanceRow(int Line, string? Name, string Email, string? Organisation, string? CountryText, CountryMatch? Country, AttendanceOutcome Outcome, RegistrationStatus? Status)
{
    /// <summary>The uploaded file the row was read from.</summary>
    public string? File { get; init; }
}

/// <summary>
/// What an imported report would change, shown to staff before anything is written; <see cref="Files"/> names the
/// uploaded files (a row says which one it came from when there are several), <see cref="Earlier"/> lists every file
/// imported for the activity before and <see cref="Repeated"/> those of them uploaded again.
/// </summary>
public sealed record AttendancePreview(IReadOnlyList<AttendanceRow> Rows, IReadOnlyList<AttendanceEntry> Staff, IReadOnlyList<AttendanceLineError> Errors, int NotAttended, bool HasHeader)
{
    public IReadOnlyList<string> Files { get; init; } = [];

    public IReadOnlyList<AttendanceImport> Earlier { get; init; } = [];

    public IReadOnlyList<AttendanceImport> Repeated { get; init; } = [];

    public int Count(AttendanceOutcome outcome) => Rows.Count(r => r.Outcome == outcome);

    /// <summary>How many rows confirming would change.</summary>
    public int Changes => Count(AttendanceOutcome.MarkAttended) + Count(AttendanceOutcome.NewAttendee);

    public int MemberStates => Rows.Where(r => r.Country is { IsMemberState: true }).Select(r => r.Country!.Id).Distinct().Count();
}

/// <summary>
/// Marks who attended an activity: one by one from the registrations list, or from an imported attendance report.
/// A person of the report who registered on the portal is marked present; one who did not is recorded as a
/// registration of status <see cref="RegistrationStatus.Attendee"/> (name, e-mail, organisation, country), so every
/// count of participants and countries, the retention job and the registrant's erasure treat both alike (ADR 0016).
/// </summary>
public sealed class AttendanceService(PortalDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Saves the attendance boxes of one page of the list: the <paramref name="shown"/> registrations that are in
    /// <paramref name="attended"/> are marked present; the others that were marked present are marked absent.
    /// Returns how many changed. One SaveChanges, so one transaction (and audited by id and attendance only).
    /// </summary>
    public async Task<int> SaveAsync(int activityId, IReadOnlyCollection<int> shown, IReadOnlyCollection<int> attended, CancellationToken cancellationToken)
    {
        var registrations = await db.Registrations.Where(r => r.ActivityId == activityId && shown.Contains(r.Id)).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var registration in registrations)
        {
            bool? value = attended.Contains(registration.Id) ? true : registration.Attended == true ? false : registration.Attended;
            if (value != registration.Attended)
            {
                registration.Attended = value;
                changed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    /// <summary>Matches the report's people with the activity's registrations (normalised e-mail) and its countries; reads only.</summary>
    public async Task<AttendancePreview> PreviewAsync(int activityId, AttendanceFile file, CancellationToken cancellationToken)
    {
        var (rows, _, earlier) = await MatchAsync(activityId, file, track: false, cancellationToken);
        return new AttendancePreview(rows, file.Staff, file.Errors, file.NotAttended, file.HasHeader)
        {
            Files = [.. file.Parts.Select(p => p.FileName).OfType<string>()],
            Earlier = earlier,
            Repeated = [.. earlier.Where(e => file.Parts.Any(p => p.Sha256 == e.Sha256))],
        };
    }

    /// <summary>
    /// Writes what the preview showed, matched again against the current data, in one transaction: registrants marked
    /// present, the others recorded as attendees. A second import of the same report finds everyone done and changes
    /// nothing, also once the retention job has erased the people it recorded: each file is remembered by its hash.
    /// </summary>
    public async Task<(int Marked, int Recorded)> ImportAsync(int activityId, AttendanceFile file, string language, CancellationToken cancellationToken)
    {
        var (rows, registrations, earlier) = await MatchAsync(activityId, file, track: true, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var registration in registrations.Values.Where(r => r.Status != RegistrationStatus.Attendee && r.Attended != true))
        {
            registration.Attended = true;
        }

        foreach (var row in rows.Where(r => r.Outcome == AttendanceOutcome.NewAttendee))
        {
            db.Registrations.Add(new Registration
            {
                ActivityId = activityId,
                FullName = Clip(row.Name ?? row.Email, 200),
                Email = row.Email,
                NormalizedEmail = row.Email,
                OrganisationName = row.Organisation is null ? null : Clip(row.Organisation, 200),
                CountryId = row.Country?.Id,
                Language = language,
                Status = RegistrationStatus.Attendee,
                Attended = true,
                // No consent was given on the portal: the time and source of the record stand in for it.
                ConsentGivenAtUtc = now,
                ConsentTextVersion = "attendance-report",
                AccessToken = RegistrationService.NewToken(),
            });
        }

        var known = earlier.Select(e => e.Sha256).ToHashSet(StringComparer.Ordinal);
        foreach (var part in file.Parts.Where(p => p.Sha256 is not null && known.Add(p.Sha256)))
        {
            db.AttendanceImports.Add(new AttendanceImport
            {
                ActivityId = activityId,
                Sha256 = part.Sha256!,
                FileName = Clip(part.FileName ?? "", 255),
                People = part.Entries.Count,
                ImportedAtUtc = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return (rows.Count(r => r.Outcome == AttendanceOutcome.MarkAttended), rows.Count(r => r.Outcome == AttendanceOutcome.NewAttendee));
    }

    private static string Clip(string value, int length) => value.Length <= length ? value : value[..length];

    private async Task<(List<AttendanceRow> Rows, Dictionary<string, Registration> Registrations, List<AttendanceImport> Earlier)> MatchAsync(
        int activityId, AttendanceFile file, bool track, CancellationToken cancellationToken)
    {
        var countries = await CountryLookup.LoadAsync(db, cancellationToken);
        // A file imported before: its people are counted, even if the retention job has since erased who they were.
        var earlier = await db.AttendanceImports.AsNoTracking().Where(i => i.ActivityId == activityId).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        var counted = earlier.Select(e => e.Sha256).ToHashSet(StringComparer.Ordinal);
        var countedEmails = file.Parts.Where(p => p.Sha256 is not null && counted.Contains(p.Sha256)).SelectMany(p => p.Entries).Select(e => e.Email).ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, Registration>(StringComparer.Ordinal);
        foreach (var chunk in file.Entries.Select(e => e.Email).Chunk(500))
        {
            var query = db.Registrations.Where(r => r.ActivityId == activityId && r.AnonymisedAtUtc == null && chunk.Contains(r.NormalizedEmail));
            foreach (var registration in await (track ? query : query.AsNoTracking()).ToListAsync(cancellationToken))
            {
                found[registration.NormalizedEmail] = registration;
            }
        }

        var rows = file.Entries.Select(entry =>
        {
            var country = countries.Find(entry.Country);
            if (!found.TryGetValue(entry.Email, out var r))
            {
                var outcome = countedEmails.Contains(entry.Email) ? AttendanceOutcome.AlreadyRecorded : AttendanceOutcome.NewAttendee;
                return new AttendanceRow(entry.Line, entry.Name, entry.Email, entry.Organisation, entry.Country, country, outcome, null) { File = entry.File };
            }

            var registered = r.Status == RegistrationStatus.Attendee ? AttendanceOutcome.AlreadyRecorded
                : r.Attended == true ? AttendanceOutcome.AlreadyAttended : AttendanceOutcome.MarkAttended;
            return new AttendanceRow(entry.Line, r.FullName, r.Email, r.OrganisationName ?? entry.Organisation, entry.Country, country, registered, r.Status) { File = entry.File };
        }).ToList();
        return (rows, found, earlier);
    }
}
