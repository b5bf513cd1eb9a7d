namespace PortCooperation.Web.Domain;

/// <summary>A best-practice document of the library: a protocol, regulation, guideline or measure.</summary>
public class BestPracticeDocument : EditableEntity, IScheduledPublication
{
    public string Slug { get; set; } = "";

    public string TitleEn { get; set; } = "";

    public string? TitleEs { get; set; }

    public string? SummaryEn { get; set; }

    public string? SummaryEs { get; set; }

    /// <summary>Markdown (raw HTML disabled when rendered).</summary>
    public string? BodyEn { get; set; }

    public string? BodyEs { get; set; }

    public SourceKind SourceKind { get; set; }

    public int? SourceOrganisationId { get; set; }

    public Organisation? SourceOrganisation { get; set; }

    /// <summary>The country a national measure comes from.</summary>
    public int? CountryId { get; set; }

    public Country? Country { get; set; }

    /// <summary>Language of the original document (ISO 639-1).</summary>
    public string Language { get; set; } = "en";

    public string? ExternalUrl { get; set; }

    public DateOnly? PublishedOn { get; set; }

    public DateOnly? LastReviewedOn { get; set; }

    public PublicationState PublicationState { get; set; }

    public DateTime? PublishAtUtc { get; set; }

    public DateTime? PublishedAtUtc { get; set; }

    public bool IsDemo { get; set; }

    public ICollection<DocumentTopic> Topics { get; } = [];

    public ICollection<CollectionDocument> Collections { get; } = [];

    public ICollection<Attachment> Attachments { get; } = [];
}

public class Topic : EditableEntity
{
    public string Slug { get; set; } = "";

    public string NameEn { get; set; } = "";

    public string? NameEs { get; set; }
}

public class DocumentTopic
{
    public int DocumentId { get; set; }

    public BestPracticeDocument? Document { get; set; }

    public int TopicId { get; set; }

    public Topic? Topic { get; set; }
}

/// <summary>A curated page of documents such as "COVID-19 best practices".</summary>
public class DocumentCollection : EditableEntity
{
    public string Slug { get; set; } = "";

    public string TitleEn { get; set; } = "";

    public string? TitleEs { get; set; }

    public string? DescriptionEn { get; set; }

    public string? DescriptionEs { get; set; }

    public PublicationState PublicationState { get; set; }

    public ICollection<CollectionDocument> Documents { get; } = [];
}

public class CollectionDocument
{
    public int CollectionId { get; set; }

    public DocumentCollection? Collection { get; set; }

    public int DocumentId { get; set; }

    public BestPracticeDocument? Document { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>An uploaded file of a document or an activity, stored outside wwwroot under a generated name.</summary>
public class Attachment : EditableEntity
{
    public int? DocumentId { get; set; }

    public BestPracticeDocument? Document { get; set; }

    public int? ActivityId { get; set; }

    public Activity? Activity { get; set; }

    public string OriginalFileName { get; set; } = "";

    public string StoredFileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long SizeBytes { get; set; }

    public string Sha256 { get; set; } = "";

    /// <summary>Text extracted for full-text search where the format allows.</summary>
    public string? ExtractedText { get; set; }
}
