using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Data.Configurations;

public class CollectionDocumentConfiguration : IEntityTypeConfiguration<CollectionDocument>
{
    public void Configure(EntityTypeBuilder<CollectionDocument> builder)
    {
        builder.HasKey(e => new { e.CollectionId, e.DocumentId });
        builder.HasIndex(e => e.DocumentId);
        builder.HasOne(e => e.Collection).WithMany(c => c.Documents).HasForeignKey(e => e.CollectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Document).WithMany(d => d.Collections).HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
