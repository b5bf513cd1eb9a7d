using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Domain;
using static PortCooperation.Web.Data.Configurations.EntityConfigurationExtensions;

namespace PortCooperation.Web.Data.Configurations;

public class BestPracticeDocumentConfiguration : IEntityTypeConfiguration<BestPracticeDocument>
{
    public void Configure(EntityTypeBuilder<BestPracticeDocument> builder)
    {
        builder.ConfigureEditable();
        builder.Property(e => e.Slug).HasMaxLength(SlugLength).IsRequired();
        builder.Property(e => e.TitleEn).HasMaxLength(TitleLength).IsRequired();
        builder.Property(e => e.TitleEs).HasMaxLength(TitleLength);
        builder.Property(e => e.SummaryEn).HasMaxLength(SummaryLength);
        builder.Property(e => e.SummaryEs).HasMaxLength(SummaryLength);
        builder.Property(e => e.Language).HasMaxLength(LanguageLength).IsRequired();
        builder.Property(e => e.ExternalUrl).HasMaxLength(UrlLength);
        builder.HasIndex(e => e.Slug).IsUnique();
        // The library's covering index (migration LibraryCoveringIndex): the listing walks it newest first and the
        // facet counts read every filter column from it, never the wide rows with their bodies.
        builder.HasIndex(e => new { e.PublicationState, e.PublishedOn, e.PublishAtUtc, e.CountryId, e.SourceKind, e.SourceOrganisationId, e.Language, e.Id })
            .HasDatabaseName("IX_Documents_Library");
        // A country's public documents counted from the index alone (migration DocumentsByCountryIndex): the member
        // states directory counts them for every country, the country page for its own.
        builder.HasIndex(e => new { e.CountryId, e.PublicationState, e.PublishAtUtc }).HasDatabaseName("IX_Documents_Country");
        builder.HasOne(e => e.SourceOrganisation).WithMany().HasForeignKey(e => e.SourceOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Country).WithMany().HasForeignKey(e => e.CountryId).OnDelete(DeleteBehavior.Restrict);
    }
}
