using System.ComponentModel.DataAnnotations;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Staff.Records;

namespace PortCooperation.Web.Areas.Admin.Models;

/// <summary>
/// The one input model of the best-practice document form. No Id, slug or publication fields: those come from the
/// route and the publishing actions, so over-posting them does nothing (S11). <see cref="Version"/> is the version
/// the editor started from; a save from an older one is refused (R6).
/// </summary>
public sealed class DocumentInput : IRecordInput
{
    public long Version { get; set; }

    /// <summary>The values as the form was opened (JSON), so a refused stale save can say which fields others changed.</summary>
    public string? Original { get; set; }

    [Required(ErrorMessage = "Admin_Validation_Required")]
    [StringLength(300, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffDocs_TitleEn")]
    public string? TitleEn { get; set; }

    [StringLength(300, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffDocs_TitleEs")]
    public string? TitleEs { get; set; }

    [StringLength(2000, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffDocs_SummaryEn")]
    public string? SummaryEn { get; set; }

    [StringLength(2000, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffDocs_SummaryEs")]
    public string? SummaryEs { get; set; }

    [StringLength(100000, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffDocs_BodyEn")]
    public string? BodyEn { get; set; }

    [StringLength(100000, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffDocs_BodyEs")]
    public string? BodyEs { get; set; }

    [Required(ErrorMessage = "Admin_Validation_Required")]
    [Display(Name = "StaffDocs_SourceKind")]
    public SourceKind? SourceKind { get; set; }

    [Display(Name = "StaffDocs_SourceOrganisationId")]
    public int? SourceOrganisationId { get; set; }

    [Display(Name = "StaffDocs_CountryId")]
    public int? CountryId { get; set; }

    [Required(ErrorMessage = "Admin_Validation_Required")]
    [RegularExpression("^(en|es|pt|fr)$", ErrorMessage = "Admin_Validation_Invalid")]
    [Display(Name = "StaffDocs_Language")]
    public string? Language { get; set; } = "en";

    [StringLength(1000, ErrorMessage = "Admin_Validation_MaxLength")]
    [Url(ErrorMessage = "Admin_Validation_Url")]
    [Display(Name = "StaffDocs_ExternalUrl")]
    public string? ExternalUrl { get; set; }

    [Display(Name = "StaffDocs_PublishedOn")]
    public DateOnly? PublishedOn { get; set; }

    [Display(Name = "StaffDocs_LastReviewedOn")]
    public DateOnly? LastReviewedOn { get; set; }

    [Display(Name = "StaffDocs_TopicIds")]
    public List<int> TopicIds { get; set; } = [];

    [Display(Name = "StaffDocs_CollectionIds")]
    public List<int> CollectionIds { get; set; } = [];
}

/// <summary>The publishing actions' input: the version the editor saw, and for a schedule the moment (UTC).</summary>
public sealed class DocumentPublishInput
{
    public long Version { get; set; }

    [Display(Name = "StaffDocs_PublishAt")]
    public DateTime? PublishAt { get; set; }
}

/// <summary>The collection form: names and descriptions in both languages, the slug, publication, and the order of its documents.</summary>
public sealed class CollectionInput : IRecordInput
{
    public long Version { get; set; }

    /// <summary>The values as the form was opened (JSON); the collection form does not post it back, so a stale save compares with what was typed.</summary>
    public string? Original { get; set; }

    [Required(ErrorMessage = "Admin_Validation_Required")]
    [StringLength(300, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffDocs_TitleEn")]
    public string? TitleEn { get; set; }

    [StringLength(300, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffDocs_TitleEs")]
    public string? TitleEs { get; set; }

    [StringLength(160, ErrorMessage = "Admin_Validation_MaxLength")]
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "StaffDocs_Validation_Slug")]
    [Display(Name = "StaffDocs_Slug")]
    public string? Slug { get; set; }

    [StringLength(4000, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffDocs_DescriptionEn")]
    public string? DescriptionEn { get; set; }

    [StringLength(4000, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffDocs_DescriptionEs")]
    public string? DescriptionEs { get; set; }

    [Display(Name = "StaffDocs_CollectionPublished")]
    public bool IsPublished { get; set; }

    public List<CollectionMemberInput> Members { get; set; } = [];
}

public sealed class CollectionMemberInput
{
    public int DocumentId { get; set; }

    [Range(0, 100000, ErrorMessage = "Admin_Validation_Range")]
    public int SortOrder { get; set; }

    public bool Remove { get; set; }
}
