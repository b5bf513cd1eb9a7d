using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Models.Library;

public sealed class LibraryPageModel
{
    public required LibraryQuery Query { get; init; }

    public required bool Searching { get; init; }

    public required LibrarySort Sort { get; init; }

    public required int Total { get; init; }

    public required int Page { get; init; }

    public required int PageCount { get; init; }

    public IReadOnlyList<DocumentCardModel> Documents { get; init; } = [];

    public IReadOnlyList<FacetModel> Facets { get; init; } = [];

    /// <summary>Facets the search named ("Filter by Peru"), not ticked yet.</summary>
    public IReadOnlyList<FacetSuggestionModel> Suggestions { get; init; } = [];

    public IReadOnlyList<CollectionLinkModel> Collections { get; init; } = [];
}

/// <summary>One facet (region, country…): its query-string name and its values with counts.</summary>
public sealed record FacetModel(string Name, string LabelKey, IReadOnlyList<string> Selected, IReadOnlyList<FacetValueModel> Values);

public sealed record FacetSuggestionModel(string Facet, string Value, LocalizedText Label);

public sealed record FacetValueModel(string Value, LocalizedText Label, int Count, bool IsSelected);

public sealed class DocumentCardModel
{
    public required string Slug { get; init; }
    public required LocalizedText Title { get; init; }
    public LocalizedText Summary { get; init; }
    /// <summary>Safe HTML: encoded text with &lt;mark&gt; around the matched words.</summary>
    public string? SnippetHtml { get; init; }
    public SourceKind SourceKind { get; init; }
    public LocalizedText Source { get; init; }
    public LocalizedText Country { get; init; }
    public Region? Region { get; init; }
    public string Language { get; init; } = "en";
    public DateOnly? PublishedOn { get; init; }
    public IReadOnlyList<LocalizedText> Topics { get; init; } = [];
    public int AttachmentCount { get; init; }
}

public sealed record CollectionLinkModel(string Slug, LocalizedText Title, int Count);

public sealed class DocumentPageModel
{
    public required DocumentCardModel Card { get; init; }
    public LocalizedText Body { get; init; }
    public string? ExternalUrl { get; init; }
    public DateOnly? LastReviewedOn { get; init; }
    public string? CountryCode { get; init; }
    public string? SourceSlug { get; init; }
    public IReadOnlyList<(string Slug, LocalizedText Name)> TopicLinks { get; init; } = [];
    public IReadOnlyList<AttachmentModel> Attachments { get; init; } = [];
    public IReadOnlyList<CollectionLinkModel> Collections { get; init; } = [];
}

public sealed record AttachmentModel(int Id, string FileName, string ContentType, long SizeBytes);

public sealed class CollectionPageModel
{
    public required string Slug { get; init; }
    public required LocalizedText Title { get; init; }
    public LocalizedText Description { get; init; }
    public IReadOnlyList<DocumentCardModel> International { get; init; } = [];
    /// <summary>National measures grouped by region, regions in their fixed order.</summary>
    public IReadOnlyList<(Region Region, IReadOnlyList<DocumentCardModel> Documents)> National { get; init; } = [];
    public IReadOnlyList<DocumentCardModel> Other { get; init; } = [];
}
