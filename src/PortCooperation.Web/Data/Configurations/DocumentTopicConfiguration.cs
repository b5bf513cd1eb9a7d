using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Data.Configurations;

public class DocumentTopicConfiguration : IEntityTypeConfiguration<DocumentTopic>
{
    public void Configure(EntityTypeBuilder<DocumentTopic> builder)
    {
        builder.HasKey(e => new { e.DocumentId, e.TopicId });
        builder.HasIndex(e => e.TopicId);
        builder.HasOne(e => e.Document).WithMany(d => d.Topics).HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Topic).WithMany().HasForeignKey(e => e.TopicId).OnDelete(DeleteBehavior.Cascade);
    }
}
