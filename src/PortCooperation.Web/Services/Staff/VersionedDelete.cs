using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Services.Staff;

/// <summary>
/// The one way a staff record is deleted: only from the version the editor saw. The check before the DELETE refuses a
/// colleague's committed change; the DELETE itself carries WHERE Version = that version, so a change committed in
/// between is refused too instead of being deleted unseen.
/// </summary>
public static class VersionedDelete
{
    public static async Task<SaveOutcome> RemoveAsync<TEntity>(PortalDbContext db, TEntity entity, long version, CancellationToken cancellationToken)
        where TEntity : EditableEntity
    {
        if (entity.Version != version)
        {
            return SaveOutcome.Stale;
        }

        db.Entry(entity).Property(e => e.Version).OriginalValue = version;
        db.Set<TEntity>().Remove(entity);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return SaveOutcome.Stale;
        }
    }
}
