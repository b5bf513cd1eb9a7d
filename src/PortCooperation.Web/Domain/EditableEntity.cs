namespace PortCooperation.Web.Domain;

/// <summary>
/// Base for every record staff can edit: an integer key, audit timestamps and an
/// optimistic-concurrency token that <c>PortalDbContext</c> increments on each save,
/// so a second editor working from a stale copy is refused instead of overwriting.
/// </summary>
public abstract class EditableEntity
{
    public int Id { get; set; }

    public long Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
