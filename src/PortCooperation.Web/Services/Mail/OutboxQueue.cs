using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Services.Mail;

/// <summary>Queueing a mail whose idempotency key another process may have queued a moment ago.</summary>
public static class OutboxQueue
{
    /// <summary>Adds and saves <paramref name="message"/>; false when the unique key shows it is already queued.</summary>
    public static async Task<bool> TryQueueAsync(this PortalDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        db.OutboxMessages.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance queued the same mail a moment ago: the unique key kept it to one.
            db.Entry(message).State = EntityState.Detached;
            return false;
        }
    }
}
