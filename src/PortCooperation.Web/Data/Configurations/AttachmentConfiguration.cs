using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Data.Configurations;

public class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ConfigureEditable();
        builder.Property(e => e.OriginalFileName).HasMaxLength(255).IsRequired();
        builder.Property(e => e.StoredFileName).HasMaxLength(100).IsRequired();
        builder.Property(e => e.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Sha256).HasMaxLength(64).IsRequired();
        builder.HasIndex(e => e.StoredFileName).IsUnique();
        builder.HasIndex(e => e.DocumentId);
        builder.HasIndex(e => e.ActivityId);
        builder.HasOne(e => e.Document).WithMany(d => d.Attachments).HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Activity).WithMany(a => a.Attachments).HasForeignKey(e => e.ActivityId).OnDelete(DeleteBehavior.Cascade);
    }
}
