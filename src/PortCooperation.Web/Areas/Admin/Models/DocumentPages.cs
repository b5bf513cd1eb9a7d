using Microsoft.AspNetCore.Mvc.Rendering;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Staff;

namespace PortCooperation.Web.Areas.Admin.Models;

public sealed class DocumentListPage
{
    public required DocumentListFilter Filter { get; init; }

    public required Paged<DocumentListRow> Rows { get; init; }

    public required DocumentFilterChoices Choices { get; init; }

    public DateTime Now { get; init; }
}

/// <summary>The create/edit form of a document: the input, its lists' choices, and for an edit the record's state and attachments.</summary>
public sealed class DocumentEditPage
{
    public int? Id { get; init; }

    public required DocumentInput Input { get; init; }

    /// <summary>What the publication side form posts: it names its field.</summary>
    public DocumentPublishInput PublishInput { get; } = new();

    public DocumentStateModel? State { get; init; }

    public IReadOnlyList<SelectListItem> Countries { get; init; } = [];

    public IReadOnlyList<SelectListItem> Organisations { get; init; } = [];

    public IReadOnlyList<SelectListItem> Topics { get; init; } = [];

    public IReadOnlyList<SelectListItem> Collections { get; init; } = [];

    /// <summary>For a refused stale save: field → the value saved meanwhile.</summary>
    public IReadOnlyDictionary<string, string> Conflicts { get; init; } = new Dictionary<string, string>();

    public string? ConflictBy { get; init; }

    public DateTime? ConflictAt { get; init; }
}

public sealed record DocumentStateModel(string Slug, PublicationState PublicationState, DateTime? PublishAtUtc, DateTime? PublishedAtUtc, DateTime Now, bool IsDemo = false)
{
    public bool IsScheduled => PublicationState == PublicationState.Published && PublishAtUtc > Now;

    public bool IsLive => PublicationState == PublicationState.Published && !IsScheduled;

    public string Publication => PublicationState == PublicationState.Draft ? "draft" : IsScheduled ? "scheduled" : "published";
}

/// <summary>An attachment as the staff forms list it.</summary>
public sealed record AttachmentRow(int Id, string OriginalFileName, string ContentType, long SizeBytes, bool HasText, DateTime UpdatedAt);

public sealed class CollectionListPage
{
    public required IReadOnlyList<CollectionListRow> Rows { get; init; }
}

public sealed record CollectionListRow(int Id, string Slug, string TitleEn, string? TitleEs, PublicationState PublicationState, int Documents, DateTime UpdatedAt);

public sealed class CollectionEditPage
{
    public int? Id { get; init; }

    public required CollectionInput Input { get; init; }

    /// <summary>The member documents in their order, each with the section of the public page it appears in.</summary>
    public IReadOnlyList<CollectionMemberRow> Members { get; init; } = [];

    public bool Stale { get; init; }
}

public sealed record CollectionMemberRow(int DocumentId, string TitleEn, string? TitleEs, SourceKind SourceKind, Region? Region, PublicationState PublicationState)
{
    /// <summary>"international", "national-{region}" or "other": where the public collection page lists the document.</summary>
    public string Section => SourceKind == SourceKind.InternationalOrganisation ? "international"
        : SourceKind == SourceKind.NationalAuthority && Region is not null ? "national" : "other";
}
