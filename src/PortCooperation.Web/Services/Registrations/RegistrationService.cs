using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Mail;

namespace PortCooperation.Web.Services.Registrations;

/// <summary>What a visitor asked to register with (validated by the form's input model).</summary>
public sealed record RegistrationRequest(
    string FullName, string Email, string? OrganisationName, string? Position, int CountryId, Gender? Gender, string Language);

public enum RegistrationOutcome
{
    Created,
    AlreadyRegistered,
    Closed,
    Full,
}

public sealed record RegistrationResult(RegistrationOutcome Outcome, string? AccessToken = null, RegistrationStatus? Status = null);

/// <summary>
/// The registration rules: window, capacity, waiting list, approval, one registration per activity and e-mail,
/// promotion from the waiting list. Every change runs in a transaction serialised per activity
/// (<see cref="ActivityGate"/>) and queues its mails in the same transaction.
/// </summary>
public sealed class RegistrationService(
    PortalDbContext db, TimeProvider clock, RegistrationMailComposer mail, PickupFolderMailTransport pickup, IOptions<RegistrationOptions> options,
    ILogger<RegistrationService> logger)
{
    private readonly RegistrationOptions _options = options.Value;

    /// <summary>Whether registration for the activity is open at <paramref name="nowUtc"/>.</summary>
    public static bool IsOpen(Activity activity, DateTime nowUtc) =>
        activity.RegistrationEnabled
        && activity.Status is ActivityStatus.Planned or ActivityStatus.Postponed
        && (activity.RegistrationOpensAtUtc is null || activity.RegistrationOpensAtUtc <= nowUtc)
        && nowUtc < (activity.RegistrationClosesAtUtc ?? activity.StartsAtUtc);

    public async Task<RegistrationResult> RegisterAsync(int activityId, RegistrationRequest request, CancellationToken cancellationToken)
    {
        var normalised = EmailAddresses.Normalise(request.Email);
        return await ActivityGate.RunAsync(db, activityId, _options.BusyRetries, async ct =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var activity = await db.Activities.SingleAsync(a => a.Id == activityId, ct);
            var existing = await db.Registrations.SingleOrDefaultAsync(r => r.ActivityId == activityId && r.NormalizedEmail == normalised, ct);
            var registered = existing is not null && existing.Status != RegistrationStatus.Cancelled;
            if (registered)
            {
                // R2: a resubmission changes nothing. Whoever sent it gets the answer a new address would get (the
                // page must not tell who is registered); the registrant gets their link by mail, once an hour at most.
                await RemindAsync(existing!, activity, now, ct);
            }

            if (!IsOpen(activity, now))
            {
                return new RegistrationResult(RegistrationOutcome.Closed);
            }

            var status = await NewStatusAsync(activity, ct);
            if (status is null)
            {
                return new RegistrationResult(RegistrationOutcome.Full);
            }

            if (registered)
            {
                return new RegistrationResult(RegistrationOutcome.AlreadyRegistered, Status: status);
            }

            var registration = existing ?? new Registration { ActivityId = activityId, NormalizedEmail = normalised, AccessToken = NewToken() };
            registration.FullName = request.FullName.Trim();
            registration.Email = request.Email.Trim();
            registration.OrganisationName = request.OrganisationName?.Trim();
            registration.Position = request.Position?.Trim();
            registration.CountryId = request.CountryId;
            registration.Gender = request.Gender;
            registration.Language = request.Language;
            registration.ConsentGivenAtUtc = now;
            registration.ConsentTextVersion = _options.PrivacyNoticeVersion;
            registration.Status = status.Value;
            registration.CancelledAtUtc = null;
            registration.Attended = null;
            if (existing is null)
            {
                db.Registrations.Add(registration);
            }

            await db.SaveChangesAsync(ct);
            var kind = status switch
            {
                RegistrationStatus.Confirmed => MailKind.Confirmation,
                RegistrationStatus.Pending => MailKind.Pending,
                _ => MailKind.Waitlisted,
            };
            db.OutboxMessages.Add(mail.Compose(kind, registration, activity));
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Registration {RegistrationId} for activity {ActivityId}: {Status} ({Email})",
                registration.Id, activityId, status, EmailAddresses.Mask(registration.Email));
            return new RegistrationResult(RegistrationOutcome.Created, registration.AccessToken, status);
        }, cancellationToken);
    }

    /// <summary>The registrant cancels through their link; a place they held goes to the first on the waiting list (R3).</summary>
    public async Task<bool> CancelAsync(string accessToken, CancellationToken cancellationToken)
    {
        var found = await db.Registrations.AsNoTracking().Where(r => r.AccessToken == accessToken)
            .Select(r => new { r.Id, r.ActivityId }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return false;
        }

        return await ActivityGate.RunAsync(db, found.ActivityId, _options.BusyRetries, async ct =>
        {
            var registration = await db.Registrations.SingleAsync(r => r.Id == found.Id, ct);
            if (registration.Status is RegistrationStatus.Cancelled or RegistrationStatus.Rejected)
            {
                return false;
            }

            var activity = await db.Activities.SingleAsync(a => a.Id == found.ActivityId, ct);
            var heldPlace = registration.HoldsPlace();
            registration.Status = RegistrationStatus.Cancelled;
            registration.CancelledAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            db.OutboxMessages.Add(mail.Compose(MailKind.CancelledByRegistrant, registration, activity));
            if (heldPlace)
            {
                await PromoteAsync(activity, ct);
            }

            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>The registrant corrects their details through their link (the e-mail address, the registration's key, stays).</summary>
    public async Task<bool> UpdateDetailsAsync(string accessToken, RegistrationRequest details, CancellationToken cancellationToken)
    {
        var registration = await db.Registrations.SingleOrDefaultAsync(r => r.AccessToken == accessToken && r.AnonymisedAtUtc == null, cancellationToken);
        if (registration is null)
        {
            return false;
        }

        registration.FullName = details.FullName.Trim();
        registration.OrganisationName = details.OrganisationName?.Trim();
        registration.Position = details.Position?.Trim();
        registration.CountryId = details.CountryId;
        registration.Gender = details.Gender;
        registration.Language = details.Language;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Erases the personal data of a registration (the registrant's request through their link, or the retention job):
    /// name, e-mail, organisation and position are removed, the private link stops working and the queued or sent mails
    /// are deleted, with the files the pickup folder holds of them. Country and gender stay, so statistics survive. A
    /// place the person held goes to the waiting list.
    /// </summary>
    public async Task<bool> AnonymiseAsync(int registrationId, CancellationToken cancellationToken)
    {
        var activityId = await db.Registrations.AsNoTracking().Where(r => r.Id == registrationId && r.AnonymisedAtUtc == null)
            .Select(r => (int?)r.ActivityId).SingleOrDefaultAsync(cancellationToken);
        if (activityId is null)
        {
            return false;
        }

        var mails = await ActivityGate.RunAsync(db, activityId.Value, _options.BusyRetries, async ct =>
        {
            var registration = await db.Registrations.SingleAsync(r => r.Id == registrationId, ct);
            if (registration.AnonymisedAtUtc is not null)
            {
                return null;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var activity = await db.Activities.SingleAsync(a => a.Id == activityId.Value, ct);
            var upcoming = activity.EndsAtUtc > now;
            var heldPlace = registration.HoldsPlace();
            Anonymise(registration, now, cancel: upcoming);
            var ids = await db.OutboxMessages.Where(m => m.RegistrationId == registrationId).Select(m => m.Id).ToListAsync(ct);
            await db.OutboxMessages.Where(m => m.RegistrationId == registrationId).ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
            if (upcoming && heldPlace)
            {
                await PromoteAsync(activity, ct);
                await db.SaveChangesAsync(ct);
            }

            return (List<long>?)ids;
        }, cancellationToken);
        if (mails is null)
        {
            return false;
        }

        // After the commit: an erasure rolled back must not have lost the files of mails that still exist.
        pickup.Delete(mails);
        return true;
    }

    /// <summary>Before the activity the registration is also cancelled; afterwards its status stays for the statistics.</summary>
    private static void Anonymise(Registration registration, DateTime now, bool cancel)
    {
        registration.FullName = "";
        registration.Email = "";
        registration.NormalizedEmail = $"anonymised-{registration.Id}";
        registration.OrganisationName = null;
        registration.Position = null;
        registration.AccessToken = NewToken();
        registration.AnonymisedAtUtc = now;
        if (cancel && registration.Status is RegistrationStatus.Confirmed or RegistrationStatus.Pending or RegistrationStatus.Waitlisted)
        {
            registration.Status = RegistrationStatus.Cancelled;
            registration.CancelledAtUtc ??= now;
        }
    }

    /// <summary>Staff decide on pending registrations of one activity; a rejection frees a place for the waiting list.</summary>
    public async Task<int> DecideAsync(int activityId, IReadOnlyCollection<int> registrationIds, bool approve, string? message, CancellationToken cancellationToken) =>
        await ActivityGate.RunAsync(db, activityId, _options.BusyRetries, async ct =>
        {
            var activity = await db.Activities.SingleAsync(a => a.Id == activityId, ct);
            var pending = await db.Registrations
                .Where(r => r.ActivityId == activityId && registrationIds.Contains(r.Id) && (r.Status == RegistrationStatus.Pending || (!approve && r.Status == RegistrationStatus.Waitlisted)))
                .OrderBy(r => r.Id)
                .ToListAsync(ct);
            foreach (var registration in pending)
            {
                registration.Status = approve ? RegistrationStatus.Confirmed : RegistrationStatus.Rejected;
            }

            await db.SaveChangesAsync(ct);
            foreach (var registration in pending)
            {
                db.OutboxMessages.Add(mail.Compose(approve ? MailKind.Approved : MailKind.Rejected, registration, activity, staffMessage: message));
            }

            if (!approve)
            {
                await PromoteAsync(activity, ct);
            }

            await db.SaveChangesAsync(ct);
            return pending.Count;
        }, cancellationToken);

    /// <summary>Moves waiting-list registrations into the places that are free, oldest first, each mailed once.</summary>
    private async Task PromoteAsync(Activity activity, CancellationToken ct)
    {
        var free = activity.Capacity is { } capacity
            ? capacity - await db.Registrations.Where(r => r.ActivityId == activity.Id).CountAsync(Registration.TakesPlace, ct)
            : int.MaxValue;
        if (free <= 0)
        {
            return;
        }

        var next = await db.Registrations
            .Where(r => r.ActivityId == activity.Id && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Take(Math.Min(free, 1000))
            .ToListAsync(ct);
        foreach (var registration in next)
        {
            registration.Status = activity.RequiresApproval ? RegistrationStatus.Pending : RegistrationStatus.Confirmed;
        }

        await db.SaveChangesAsync(ct);
        foreach (var registration in next)
        {
            db.OutboxMessages.Add(mail.Compose(activity.RequiresApproval ? MailKind.Pending : MailKind.Promoted, registration, activity));
        }
    }

    private async Task<RegistrationStatus?> NewStatusAsync(Activity activity, CancellationToken ct)
    {
        var taken = activity.Capacity is null
            ? 0
            : await db.Registrations.Where(r => r.ActivityId == activity.Id).CountAsync(Registration.TakesPlace, ct);
        if (activity.Capacity is null || taken < activity.Capacity)
        {
            return activity.RequiresApproval ? RegistrationStatus.Pending : RegistrationStatus.Confirmed;
        }

        return activity.WaitingListEnabled ? RegistrationStatus.Waitlisted : null;
    }

    private async Task RemindAsync(Registration registration, Activity activity, DateTime now, CancellationToken ct)
    {
        var hour = now.ToString("yyyyMMddHH", System.Globalization.CultureInfo.InvariantCulture);
        var key = RegistrationMailComposer.Key(MailKind.AlreadyRegistered, registration.Id, hour);
        if (!await db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == key, ct))
        {
            db.OutboxMessages.Add(mail.Compose(MailKind.AlreadyRegistered, registration, activity, hour));
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>256 random bits, URL-safe: the key of the private self-service link.</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
