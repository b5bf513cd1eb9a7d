using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Services.Library;

namespace PortCooperation.Web.Data.Configurations;

/// <summary>
/// The rows of a full-text search (LibrarySearchEngine.Hits). Mapped to a view name that does not exist, so neither
/// EnsureCreated nor migrations create anything for it; it is only ever queried with FromSql over the search
/// index that migration LibraryFullTextSearch creates. The key lets EF join hits with documents.
/// </summary>
public class LibrarySearchHitConfiguration : IEntityTypeConfiguration<LibrarySearchHit>
{
    public void Configure(EntityTypeBuilder<LibrarySearchHit> builder)
    {
        builder.HasKey(h => h.DocumentId);
        builder.ToView("LibrarySearchHits");
    }
}
