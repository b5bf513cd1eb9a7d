using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Registrations;

namespace PortCooperation.Web.Services.Staff;

public enum SaveOutcome
{
    Saved,
    Invalid,
    Stale,
    NotFound,
}

/// <summary>
/// Creates and edits activities from <see cref="ActivityInput"/> (never binding the entity), converts the dates
/// entered in the activity's zone to UTC, and refuses a save made from an older version (R6) with the fields a
/// colleague changed meanwhile.
/// </summary>
public sealed class ActivityEditor(PortalDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text, ActivityChangeNotices notices)
{
    public async Task<ActivityEditPage> NewPageAsync(CancellationToken cancellationToken) =>
        await PageAsync(null, new ActivityInput { Kind = ActivityKind.Webinar, IsOnline = true }, null, cancellationToken);

    public async Task<ActivityEditPage?> EditPageAsync(int id, CancellationToken cancellationToken)
    {
        var activity = await LoadAsync(id, cancellationToken);
        if (activity is null)
        {
            return null;
        }

        var input = ToInput(activity);
        input.Original = EditConflicts.Snapshot(input);
        return await PageAsync(id, input, null, cancellationToken);
    }

    /// <summary>The form again after a refused post: what was typed, plus the conflicts when it was stale.</summary>
    public async Task<ActivityEditPage> RedisplayAsync(int? id, ActivityInput input, SaveResult? result, CancellationToken cancellationToken) =>
        await PageAsync(id, input, result, cancellationToken);

    public async Task<SaveResult> SaveAsync(int? id, ActivityInput input, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        Activity? activity = null;
        if (id is not null)
        {
            activity = await LoadAsync(id.Value, cancellationToken);
            if (activity is null)
            {
                return new SaveResult(SaveOutcome.NotFound);
            }

            if (activity.Version != input.Version)
            {
                return await StaleAsync(activity, input, cancellationToken);
            }
        }

        if (string.IsNullOrWhiteSpace(input.TimeZoneId))
        {
            var code = input.HostCountryId is { } hostId ? await db.Countries.Where(c => c.Id == hostId).Select(c => c.Code).SingleOrDefaultAsync(cancellationToken) : null;
            input.TimeZoneId = TimeZoneChoices.ForCountry(code);
            if (input.TimeZoneId is null)
            {
                modelState.AddModelError(nameof(input.TimeZoneId), text["Admin_Validation_TimeZoneOrCountry"]);
            }
        }

        var times = Validate(input, modelState);
        await ValidateReferencesAsync(input, modelState, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (id is null && input.AlreadyHeld && times is { } when && when.Ends > now)
        {
            modelState.AddModelError(nameof(input.AlreadyHeld), text["Admin_Validation_HeldInFuture"]);
        }
        if (!modelState.IsValid || times is null)
        {
            return new SaveResult(SaveOutcome.Invalid);
        }

        if (activity is null)
        {
            activity = new Activity
            {
                PublicationState = input.PublishAtOnce ? PublicationState.Published : PublicationState.Draft,
                PublishedAtUtc = input.PublishAtOnce ? now : null,
                Status = input.AlreadyHeld ? ActivityStatus.Held : ActivityStatus.Planned,
            };
            activity.Slug = await StaffInput.UniqueSlugAsync(db.Activities.Select(a => a.Slug), input.TitleEn!, "activity", cancellationToken);
            db.Activities.Add(activity);
        }
        else
        {
            // The UPDATE carries WHERE Version = the version the editor started from.
            db.Entry(activity).Property(a => a.Version).OriginalValue = input.Version;
        }

        Apply(input, activity, times.Value);
        try
        {
            // New dates of an activity with registrants: their change notices go in the same transaction.
            await notices.SaveChangesAsync(activity, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var saved = await LoadAsync(activity.Id, cancellationToken);
            return saved is null ? new SaveResult(SaveOutcome.NotFound) : await StaleAsync(saved, input, cancellationToken);
        }

        return new SaveResult(SaveOutcome.Saved, activity.Id);
    }

    /// <summary>Applies a status or publishing change when the editor's version is current; false when stale.</summary>
    public async Task<SaveResult> ChangeAsync(int id, long version, Func<Activity, bool> change, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null)
        {
            return new SaveResult(SaveOutcome.NotFound);
        }

        if (activity.Version != version)
        {
            return new SaveResult(SaveOutcome.Stale, id);
        }

        if (!change(activity))
        {
            return new SaveResult(SaveOutcome.Invalid, id);
        }

        db.Entry(activity).Property(a => a.Version).OriginalValue = version;
        try
        {
            // Postponed or cancelled: the registrants' notices go in the same transaction.
            await notices.SaveChangesAsync(activity, cancellationToken);
            return new SaveResult(SaveOutcome.Saved, id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SaveResult(SaveOutcome.Stale, id);
        }
    }

    /// <summary>
    /// Deletes the activity unless registrations or awards depend on it (then says so instead of failing on the foreign
    /// key), and only from the version the editor saw: a colleague's change since then is not deleted unseen.
    /// </summary>
    public async Task<(SaveOutcome Outcome, string? Message)> DeleteAsync(int id, long version, CancellationToken cancellationToken)
    {
        var found = await db.Activities.Where(a => a.Id == id)
            .Select(a => new { Activity = a, Registrations = a.Registrations.Count, Awards = db.ScholarshipAwards.Count(s => s.ActivityId == a.Id) })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return (SaveOutcome.NotFound, null);
        }

        if (found.Registrations > 0 || found.Awards > 0)
        {
            return (SaveOutcome.Invalid, string.Format(System.Globalization.CultureInfo.CurrentCulture, text["Admin_Activity_CannotDelete"].Value, text.Plural("Admin_Activity_Registrations", found.Registrations), text.Plural("Admin_Activity_Awards", found.Awards)));
        }

        return (await VersionedDelete.RemoveAsync(db, found.Activity, version, cancellationToken), null);
    }

    public DateTime? ToUtc(DateTime? local, string timeZoneId) =>
        local is { } value && ZonedTime.Find(timeZoneId) is { } zone ? ZonedTime.ToUtc(value, zone) : null;

    private async Task<Activity?> LoadAsync(int id, CancellationToken cancellationToken) =>
        await db.Activities.Include(a => a.Partners.OrderBy(p => p.SortOrder)).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    private async Task<SaveResult> StaleAsync(Activity saved, ActivityInput typed, CancellationToken cancellationToken)
    {
        var current = ToInput(saved);
        typed.Partners = [.. typed.Partners.Where(p => p.OrganisationId is not null)];
        var before = EditConflicts.FromSnapshot<ActivityInput>(typed.Original) ?? typed;
        var last = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Activity) && e.EntityId == saved.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderByDescending(e => e.Id).Select(e => new { e.UserName, e.OccurredAtUtc }).FirstOrDefaultAsync(cancellationToken);
        var conflicts = EditConflicts.Compare(before, current);
        conflicts.Remove(nameof(ActivityInput.Partners));
        if (!PartnersText(before).SequenceEqual(PartnersText(current)))
        {
            var ids = current.Partners.Select(p => p.OrganisationId).ToList();
            var names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Acronym ?? o.NameEn, cancellationToken);
            conflicts[nameof(ActivityInput.Partners)] = string.Join("; ", current.Partners.Select(p => $"{names.GetValueOrDefault(p.OrganisationId!.Value)} ({text["Admin_PartnerRole_" + p.Role]})"));
        }

        // The editor can now save again deliberately, over the colleague's version.
        typed.Version = saved.Version;
        typed.Original = EditConflicts.Snapshot(current);
        return new SaveResult(SaveOutcome.Stale, saved.Id, conflicts, last?.UserName, last?.OccurredAtUtc);
    }

    private static IEnumerable<string> PartnersText(ActivityInput input) =>
        input.Partners.Where(p => p.OrganisationId is not null).Select(p => $"{p.OrganisationId}:{p.Role}");

    /// <summary>Checks what attributes cannot: the zone, dates in order and existing in that zone, the registration window.</summary>
    private (DateTime Starts, DateTime Ends, DateTime? Opens, DateTime? Closes)? Validate(ActivityInput input, ModelStateDictionary modelState)
    {
        var zone = ZonedTime.Find(input.TimeZoneId);
        if (zone is null)
        {
            if (!string.IsNullOrWhiteSpace(input.TimeZoneId))
            {
                modelState.AddModelError(nameof(input.TimeZoneId), text["Admin_Validation_TimeZone"]);
            }

            return null;
        }

        var starts = Convert(input.Starts, nameof(input.Starts));
        var ends = Convert(input.Ends, nameof(input.Ends));
        var opens = Convert(input.RegistrationOpens, nameof(input.RegistrationOpens));
        var closes = Convert(input.RegistrationCloses, nameof(input.RegistrationCloses));
        if (starts is not null && ends is not null && ends < starts)
        {
            modelState.AddModelError(nameof(input.Ends), text["Admin_Validation_EndsBeforeStarts"]);
        }

        if (opens is not null && closes is not null && closes < opens)
        {
            modelState.AddModelError(nameof(input.RegistrationCloses), text["Admin_Validation_ClosesBeforeOpens"]);
        }

        if (input.RegistrationEnabled && input.IsOnline && string.IsNullOrWhiteSpace(input.OnlineJoinUrl))
        {
            modelState.AddModelError(nameof(input.OnlineJoinUrl), text["Admin_Validation_JoinUrlNeeded"]);
        }

        if (input.WaitingListEnabled && input.Capacity is null)
        {
            modelState.AddModelError(nameof(input.Capacity), text["Admin_Validation_CapacityForWaitingList"]);
        }

        var duplicates = input.Partners.Where(p => p.OrganisationId is not null).GroupBy(p => p.OrganisationId).Any(g => g.Count() > 1);
        if (duplicates)
        {
            modelState.AddModelError(nameof(input.Partners), text["Admin_Validation_PartnerTwice"]);
        }

        return starts is null || ends is null ? null : (starts.Value, ends.Value, opens, closes);

        DateTime? Convert(DateTime? local, string field)
        {
            if (local is null)
            {
                return null;
            }

            var utc = ZonedTime.ToUtc(local.Value, zone);
            if (utc is null)
            {
                modelState.AddModelError(field, text["Admin_Validation_TimeDoesNotExist"]);
            }

            return utc;
        }
    }

    private async Task ValidateReferencesAsync(ActivityInput input, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        if (input.HostCountryId is { } countryId && !await db.Countries.AnyAsync(c => c.Id == countryId, cancellationToken))
        {
            modelState.AddModelError(nameof(input.HostCountryId), text["Admin_Validation_Invalid"]);
        }

        var organisationIds = input.Partners.Where(p => p.OrganisationId is not null).Select(p => p.OrganisationId!.Value).Distinct().ToList();
        if (organisationIds.Count > 0 && await db.Organisations.CountAsync(o => organisationIds.Contains(o.Id), cancellationToken) != organisationIds.Count)
        {
            modelState.AddModelError(nameof(input.Partners), text["Admin_Validation_Invalid"]);
        }
    }

    private static void Apply(ActivityInput input, Activity activity, (DateTime Starts, DateTime Ends, DateTime? Opens, DateTime? Closes) times)
    {
        activity.Kind = input.Kind!.Value;
        activity.TitleEn = input.TitleEn!.Trim();
        activity.TitleEs = Clean(input.TitleEs);
        activity.SummaryEn = Clean(input.SummaryEn);
        activity.SummaryEs = Clean(input.SummaryEs);
        activity.DescriptionEn = Clean(input.DescriptionEn);
        activity.DescriptionEs = Clean(input.DescriptionEs);
        activity.Language = input.Language!;
        activity.StartsAtUtc = times.Starts;
        activity.EndsAtUtc = times.Ends;
        activity.IsAllDay = input.IsAllDay;
        activity.TimeZoneId = input.TimeZoneId!;
        activity.IsOnline = input.IsOnline;
        activity.Venue = Clean(input.Venue);
        activity.City = Clean(input.City);
        activity.HostCountryId = input.HostCountryId;
        activity.OnlineJoinUrl = Clean(input.OnlineJoinUrl);
        activity.RegistrationEnabled = input.RegistrationEnabled;
        activity.RegistrationOpensAtUtc = times.Opens;
        activity.RegistrationClosesAtUtc = times.Closes;
        activity.Capacity = input.Capacity;
        activity.WaitingListEnabled = input.WaitingListEnabled;
        activity.RequiresApproval = input.RequiresApproval;
        activity.ReportedParticipants = input.ReportedParticipants;
        activity.ReportedMemberStates = input.ReportedMemberStates;

        var wanted = input.Partners.Where(p => p.OrganisationId is not null).Select((p, i) => (Id: p.OrganisationId!.Value, p.Role, Order: i)).ToList();
        foreach (var gone in activity.Partners.Where(p => wanted.All(w => w.Id != p.OrganisationId)).ToList())
        {
            activity.Partners.Remove(gone);
        }

        foreach (var (organisationId, role, order) in wanted)
        {
            var partner = activity.Partners.FirstOrDefault(p => p.OrganisationId == organisationId);
            if (partner is null)
            {
                activity.Partners.Add(new ActivityPartner { OrganisationId = organisationId, Role = role, SortOrder = order });
            }
            else
            {
                partner.Role = role;
                partner.SortOrder = order;
            }
        }
    }

    private static ActivityInput ToInput(Activity activity)
    {
        var zone = ZonedTime.Find(activity.TimeZoneId) ?? TimeZoneInfo.Utc;
        DateTime? Local(DateTime? utc) => utc is { } value ? ZonedTime.ToLocal(value, zone) : null;
        return new ActivityInput
        {
            Version = activity.Version,
            Kind = activity.Kind,
            TitleEn = activity.TitleEn,
            TitleEs = activity.TitleEs,
            SummaryEn = activity.SummaryEn,
            SummaryEs = activity.SummaryEs,
            DescriptionEn = activity.DescriptionEn,
            DescriptionEs = activity.DescriptionEs,
            Language = activity.Language,
            Starts = Local(activity.StartsAtUtc),
            Ends = Local(activity.EndsAtUtc),
            IsAllDay = activity.IsAllDay,
            TimeZoneId = activity.TimeZoneId,
            IsOnline = activity.IsOnline,
            Venue = activity.Venue,
            City = activity.City,
            HostCountryId = activity.HostCountryId,
            OnlineJoinUrl = activity.OnlineJoinUrl,
            RegistrationEnabled = activity.RegistrationEnabled,
            RegistrationOpens = Local(activity.RegistrationOpensAtUtc),
            RegistrationCloses = Local(activity.RegistrationClosesAtUtc),
            Capacity = activity.Capacity,
            WaitingListEnabled = activity.WaitingListEnabled,
            RequiresApproval = activity.RequiresApproval,
            ReportedParticipants = activity.ReportedParticipants,
            ReportedMemberStates = activity.ReportedMemberStates,
            Partners = [.. activity.Partners.OrderBy(p => p.SortOrder).Select(p => new PartnerInput { OrganisationId = p.OrganisationId, Role = p.Role })],
        };
    }

    private async Task<ActivityEditPage> PageAsync(int? id, ActivityInput input, SaveResult? result, CancellationToken cancellationToken)
    {
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "es";
        var countries = await db.Countries.AsNoTracking().OrderBy(c => english ? c.NameEn : c.NameEs)
            .Select(c => new SelectListItem(english ? c.NameEn : c.NameEs, c.Id.ToString())).ToListAsync(cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.NameEn)
            .Select(o => new SelectListItem(o.Acronym != null ? o.NameEn + " (" + o.Acronym + ")" : o.NameEn, o.Id.ToString())).ToListAsync(cancellationToken);
        ActivityStateModel? state = null;
        if (id is not null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            state = await db.Activities.AsNoTracking().Where(a => a.Id == id)
                .Select(a => new ActivityStateModel(a.Status, a.PublicationState, a.PublishAtUtc, a.PublishedAtUtc, a.OriginalStartsAtUtc, a.OriginalEndsAtUtc,
                    a.StatusReasonEn, a.StatusReasonEs, a.TimeZoneId, a.Registrations.Count, db.ScholarshipAwards.Count(s => s.ActivityId == a.Id), now, a.Slug))
                .SingleOrDefaultAsync(cancellationToken);
        }

        // Room for new partners: two empty rows (the form works without JavaScript).
        input.Partners = [.. input.Partners.Where(p => p.OrganisationId is not null), new PartnerInput(), new PartnerInput()];
        return new ActivityEditPage
        {
            Id = id,
            Input = input,
            State = state,
            Countries = countries,
            Organisations = organisations,
            Conflicts = result?.Conflicts ?? new Dictionary<string, string>(),
            ConflictBy = result?.ConflictBy,
            ConflictAt = result?.ConflictAt,
        };
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record SaveResult(SaveOutcome Outcome, int? Id = null, IReadOnlyDictionary<string, string>? Conflicts = null, string? ConflictBy = null, DateTime? ConflictAt = null);
