using PortCooperation.Web.Services.Staff;
using PortCooperation.Web.Services.Staff.Records;

namespace PortCooperation.Web.Areas.Admin.Models;

public sealed class RecordListPage<TFilter, TRow>
{
    public required TFilter Filter { get; init; }

    public required Paged<TRow> Rows { get; init; }

    public RecordChoices Choices { get; init; } = [];
}

/// <summary>The create/edit form of a record: the input, the choices of its lists, and the conflicts of a refused stale save.</summary>
public sealed class RecordEditPage<TInput>
{
    public int? Id { get; init; }

    public required TInput Input { get; init; }

    public RecordChoices Choices { get; init; } = [];

    public IReadOnlyDictionary<string, string> Conflicts { get; init; } = new Dictionary<string, string>();

    public string? ConflictBy { get; init; }

    public DateTime? ConflictAt { get; init; }
}

public sealed class RecordDetailPage
{
    public int Id { get; init; }

    public required RecordDetail Detail { get; init; }

    /// <summary>False for records this screen edits but does not delete (the detail page then shows no delete box).</summary>
    public bool Deletable { get; init; } = true;

    /// <summary>What the delete form posts: it names its field.</summary>
    public RecordDeleteInput DeleteInput { get; } = new();
}

/// <summary>A delete carries the version the staff member saw, so a record changed meanwhile is not deleted unseen.</summary>
public sealed class RecordDeleteInput
{
    public long Version { get; set; }
}
