using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Data.Configurations;

public class AttendanceImportConfiguration : IEntityTypeConfiguration<AttendanceImport>
{
    public void Configure(EntityTypeBuilder<AttendanceImport> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(e => e.FileName).HasMaxLength(255).IsRequired();
        builder.HasOne(e => e.Activity).WithMany().HasForeignKey(e => e.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.ActivityId, e.Sha256 }).IsUnique();
    }
}
