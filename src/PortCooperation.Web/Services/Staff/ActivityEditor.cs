using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Registrations;
using PortCooperation.Web.Services.Staff.Records;

namespace PortCooperation.Web.Services.Staff;

/// <summary>
/// Creates and edits activities from <see cref="ActivityInput"/> (never binding the entity), converts the dates
/// entered in the activity's zone to UTC, and refuses a save made from an older version (R6) with the fields a
/// colleague changed meanwhile. New dates, postponements and cancellations save the registrants' notices with them.
/// </summary>
public sealed class ActivityEditor(PortalDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text, ActivityChangeNotices notices)
    : RecordEditor<Activity, ActivityInput>(db, text)
{
    public async Task<ActivityEditPage> NewPageAsync(CancellationToken cancellationToken) =>
        await PageAsync(null, new ActivityInput { Kind = ActivityKind.Webinar, IsOnline = true }, null, cancellationToken);

    public async Task<ActivityEditPage?> EditPageAsync(int id, CancellationToken cancellationToken) =>
        await EditInputAsync(id, cancellationToken) is { } input ? await PageAsync(id, input, null, cancellationToken) : null;

    /// <summary>The form again after a refused post: what was typed, plus the conflicts when it was stale.</summary>
    public async Task<ActivityEditPage> RedisplayAsync(int? id, ActivityInput input, SaveResult? result, CancellationToken cancellationToken) =>
        await PageAsync(id, input, result, cancellationToken);

    /// <summary>Deleting is refused while registrations or awards depend on the activity (saying so, instead of failing on the foreign key).</summary>
    public override async Task<string?> DeleteBlockerAsync(int id, CancellationToken cancellationToken)
    {
        var uses = await Db.Activities.Where(a => a.Id == id)
            .Select(a => new { Registrations = a.Registrations.Count, Awards = Db.ScholarshipAwards.Count(s => s.ActivityId == a.Id) })
            .SingleAsync(cancellationToken);
        return uses.Registrations > 0 || uses.Awards > 0
            ? string.Format(System.Globalization.CultureInfo.CurrentCulture, Text["Admin_Activity_CannotDelete"].Value, Text.Plural("Admin_Activity_Registrations", uses.Registrations), Text.Plural("Admin_Activity_Awards", uses.Awards))
            : null;
    }

    public DateTime? ToUtc(DateTime? local, string timeZoneId) =>
        local is { } value && ZonedTime.Find(timeZoneId) is { } zone ? ZonedTime.ToUtc(value, zone) : null;

    protected override IQueryable<Activity> ForEdit => Db.Activities.Include(a => a.Partners.OrderBy(p => p.SortOrder));

    // Partners and registrations go with the activity by the database's cascade, as they always have.
    protected override IQueryable<Activity> ForDelete => Db.Activities;

    protected override async Task<Activity> CreateAsync(ActivityInput input, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new Activity
        {
            PublicationState = input.PublishAtOnce ? PublicationState.Published : PublicationState.Draft,
            PublishedAtUtc = input.PublishAtOnce ? now : null,
            Status = input.AlreadyHeld ? ActivityStatus.Held : ActivityStatus.Planned,
            Slug = await StaffInput.UniqueSlugAsync(Db.Activities.Select(a => a.Slug), input.TitleEn!, "activity", cancellationToken),
        };
    }

    /// <summary>New dates of an activity with registrants, or a postponement or cancellation: their notices go in the same transaction.</summary>
    protected override Task SaveChangesAsync(Activity entity, CancellationToken cancellationToken) => notices.SaveChangesAsync(entity, cancellationToken);

    protected override async Task ValidateAsync(int? id, ActivityInput input, FormErrors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.TimeZoneId))
        {
            var code = input.HostCountryId is { } hostId ? await Db.Countries.Where(c => c.Id == hostId).Select(c => c.Code).SingleOrDefaultAsync(cancellationToken) : null;
            input.TimeZoneId = TimeZoneChoices.ForCountry(code);
            if (input.TimeZoneId is null)
            {
                errors.Add(nameof(input.TimeZoneId), Text["Admin_Validation_TimeZoneOrCountry"]);
            }
        }

        var times = Validate(input, errors);
        await ValidateReferencesAsync(input, errors, cancellationToken);
        if (id is null && input.AlreadyHeld && times is { } when && when.Ends > clock.GetUtcNow().UtcDateTime)
        {
            errors.Add(nameof(input.AlreadyHeld), Text["Admin_Validation_HeldInFuture"]);
        }
    }

    /// <summary>Partners are compared as organisation and role in order, and listed by name.</summary>
    protected override async Task DescribeConflictsAsync(Dictionary<string, string> conflicts, ActivityInput before, ActivityInput current, CancellationToken cancellationToken)
    {
        conflicts.Remove(nameof(ActivityInput.Partners));
        if (!PartnersText(before).SequenceEqual(PartnersText(current)))
        {
            var ids = current.Partners.Select(p => p.OrganisationId).ToList();
            var names = await Db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Acronym ?? o.NameEn, cancellationToken);
            conflicts[nameof(ActivityInput.Partners)] = string.Join("; ", current.Partners.Select(p => $"{names.GetValueOrDefault(p.OrganisationId!.Value)} ({Text["Admin_PartnerRole_" + p.Role]})"));
        }
    }

    private static IEnumerable<string> PartnersText(ActivityInput input) =>
        input.Partners.Where(p => p.OrganisationId is not null).Select(p => $"{p.OrganisationId}:{p.Role}");

    /// <summary>Checks what attributes cannot: the zone, dates in order and existing in that zone, the registration window.</summary>
    private (DateTime Starts, DateTime Ends, DateTime? Opens, DateTime? Closes)? Validate(ActivityInput input, FormErrors errors)
    {
        var zone = ZonedTime.Find(input.TimeZoneId);
        if (zone is null)
        {
            if (!string.IsNullOrWhiteSpace(input.TimeZoneId))
            {
                errors.Add(nameof(input.TimeZoneId), Text["Admin_Validation_TimeZone"]);
            }

            return null;
        }

        var starts = Convert(input.Starts, nameof(input.Starts));
        var ends = Convert(input.Ends, nameof(input.Ends));
        var opens = Convert(input.RegistrationOpens, nameof(input.RegistrationOpens));
        var closes = Convert(input.RegistrationCloses, nameof(input.RegistrationCloses));
        if (starts is not null && ends is not null && ends < starts)
        {
            errors.Add(nameof(input.Ends), Text["Admin_Validation_EndsBeforeStarts"]);
        }

        if (opens is not null && closes is not null && closes < opens)
        {
            errors.Add(nameof(input.RegistrationCloses), Text["Admin_Validation_ClosesBeforeOpens"]);
        }

        if (input.RegistrationEnabled && input.IsOnline && string.IsNullOrWhiteSpace(input.OnlineJoinUrl))
        {
            errors.Add(nameof(input.OnlineJoinUrl), Text["Admin_Validation_JoinUrlNeeded"]);
        }

        if (input.WaitingListEnabled && input.Capacity is null)
        {
            errors.Add(nameof(input.Capacity), Text["Admin_Validation_CapacityForWaitingList"]);
        }

        var duplicates = input.Partners.Where(p => p.OrganisationId is not null).GroupBy(p => p.OrganisationId).Any(g => g.Count() > 1);
        if (duplicates)
        {
            errors.Add(nameof(input.Partners), Text["Admin_Validation_PartnerTwice"]);
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
                errors.Add(field, Text["Admin_Validation_TimeDoesNotExist"]);
            }

            return utc;
        }
    }

    private async Task ValidateReferencesAsync(ActivityInput input, FormErrors errors, CancellationToken cancellationToken)
    {
        if (input.HostCountryId is { } countryId && !await Db.Countries.AnyAsync(c => c.Id == countryId, cancellationToken))
        {
            errors.Add(nameof(input.HostCountryId), Text["Admin_Validation_Invalid"]);
        }

        var organisationIds = input.Partners.Where(p => p.OrganisationId is not null).Select(p => p.OrganisationId!.Value).Distinct().ToList();
        if (organisationIds.Count > 0 && await Db.Organisations.CountAsync(o => organisationIds.Contains(o.Id), cancellationToken) != organisationIds.Count)
        {
            errors.Add(nameof(input.Partners), Text["Admin_Validation_Invalid"]);
        }
    }

    protected override void Apply(ActivityInput input, Activity activity)
    {
        // Validated: the zone exists and the dates exist in it.
        var zone = input.TimeZoneId!;
        activity.Kind = input.Kind!.Value;
        activity.TitleEn = input.TitleEn!.Trim();
        activity.TitleEs = Clean(input.TitleEs);
        activity.SummaryEn = Clean(input.SummaryEn);
        activity.SummaryEs = Clean(input.SummaryEs);
        activity.DescriptionEn = Clean(input.DescriptionEn);
        activity.DescriptionEs = Clean(input.DescriptionEs);
        activity.Language = input.Language!;
        activity.StartsAtUtc = ToUtc(input.Starts, zone)!.Value;
        activity.EndsAtUtc = ToUtc(input.Ends, zone)!.Value;
        activity.IsAllDay = input.IsAllDay;
        activity.TimeZoneId = input.TimeZoneId!;
        activity.IsOnline = input.IsOnline;
        activity.Venue = Clean(input.Venue);
        activity.City = Clean(input.City);
        activity.HostCountryId = input.HostCountryId;
        activity.OnlineJoinUrl = Clean(input.OnlineJoinUrl);
        activity.RegistrationEnabled = input.RegistrationEnabled;
        activity.RegistrationOpensAtUtc = ToUtc(input.RegistrationOpens, zone);
        activity.RegistrationClosesAtUtc = ToUtc(input.RegistrationCloses, zone);
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

    protected override ActivityInput ToInput(Activity activity)
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
        var countries = await CountryChoicesAsync(cancellationToken);
        var organisations = await OrganisationChoicesAsync(cancellationToken);
        ActivityStateModel? state = null;
        if (id is not null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            state = await Db.Activities.AsNoTracking().Where(a => a.Id == id)
                .Select(a => new ActivityStateModel(a.Status, a.PublicationState, a.PublishAtUtc, a.PublishedAtUtc, a.OriginalStartsAtUtc, a.OriginalEndsAtUtc,
                    a.StatusReasonEn, a.StatusReasonEs, a.TimeZoneId, a.Registrations.Count, Db.ScholarshipAwards.Count(s => s.ActivityId == a.Id), now, a.Slug))
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
}
