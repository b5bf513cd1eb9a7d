using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Data.Configurations;

public class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.IdempotencyKey).HasMaxLength(200).IsRequired();
        builder.Property(e => e.ToAddress).HasMaxLength(254).IsRequired();
        builder.Property(e => e.ToName).HasMaxLength(200);
        builder.Property(e => e.Subject).HasMaxLength(400).IsRequired();
        builder.Property(e => e.LockedBy).HasMaxLength(100);
        builder.Property(e => e.LastError).HasMaxLength(2000);
        builder.Property(e => e.AttachmentFileName).HasMaxLength(200);
        builder.Property(e => e.AttachmentContentType).HasMaxLength(200);
        builder.HasIndex(e => e.IdempotencyKey).IsUnique();
        builder.HasIndex(e => new { e.Status, e.NextAttemptAtUtc });
        builder.HasIndex(e => e.RegistrationId);
    }
}
