using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Services.Staff;

public sealed record AttendanceMatch(int RegistrationId, int Line, string FullName, string Email, RegistrationStatus Status, bool AlreadyAttended);

/// <summary>What an imported report would change, shown to staff before anything is written.</summary>
public sealed record AttendancePreview(IReadOnlyList<AttendanceMatch> Matched, IReadOnlyList<AttendanceEntry> Unmatched, IReadOnlyList<AttendanceLineError> Errors, int NotAttended, bool HasHeader);

/// <summary>Marks who attended an activity: one by one from the registrations list, or from an imported attendance report.</summary>
public sealed class AttendanceService(PortalDbContext db)
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

    /// <summary>Matches the report's addresses with the activity's registrations (normalised e-mail); reads only.</summary>
    public async Task<AttendancePreview> PreviewAsync(int activityId, AttendanceFile file, CancellationToken cancellationToken)
    {
        var emails = file.Entries.Select(e => e.Email).ToList();
        var found = new Dictionary<string, (int Id, string FullName, string Email, RegistrationStatus Status, bool? Attended)>(StringComparer.Ordinal);
        foreach (var chunk in emails.Chunk(500))
        {
            var rows = await db.Registrations.AsNoTracking()
                .Where(r => r.ActivityId == activityId && r.AnonymisedAtUtc == null && chunk.Contains(r.NormalizedEmail))
                .Select(r => new { r.Id, r.FullName, r.Email, r.NormalizedEmail, r.Status, r.Attended })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                found[row.NormalizedEmail] = (row.Id, row.FullName, row.Email, row.Status, row.Attended);
            }
        }

        var matched = new List<AttendanceMatch>();
        var unmatched = new List<AttendanceEntry>();
        foreach (var entry in file.Entries)
        {
            if (found.TryGetValue(entry.Email, out var r))
            {
                matched.Add(new AttendanceMatch(r.Id, entry.Line, r.FullName, r.Email, r.Status, r.Attended == true));
            }
            else
            {
                unmatched.Add(entry);
            }
        }

        return new AttendancePreview(matched, unmatched, file.Errors, file.NotAttended, file.HasHeader);
    }

    /// <summary>Marks the confirmed matches present, all in one transaction; ids of other activities are ignored.</summary>
    public async Task<int> ImportAsync(int activityId, IReadOnlyCollection<int> registrationIds, CancellationToken cancellationToken)
    {
        var registrations = await db.Registrations
            .Where(r => r.ActivityId == activityId && registrationIds.Contains(r.Id) && r.Attended != true)
            .ToListAsync(cancellationToken);
        foreach (var registration in registrations)
        {
            registration.Attended = true;
        }

        await db.SaveChangesAsync(cancellationToken);
        return registrations.Count;
    }
}
