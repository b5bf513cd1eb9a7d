using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Domain;
using static PortCooperation.Web.Data.Configurations.EntityConfigurationExtensions;

namespace PortCooperation.Web.Data.Configurations;

public class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> builder)
    {
        builder.ConfigureEditable();
        builder.Property(e => e.FullName).HasMaxLength(NameLength).IsRequired();
        builder.Property(e => e.Email).HasMaxLength(254).IsRequired();
        builder.Property(e => e.NormalizedEmail).HasMaxLength(254).IsRequired();
        builder.Property(e => e.OrganisationName).HasMaxLength(NameLength);
        builder.Property(e => e.Position).HasMaxLength(NameLength);
        builder.Property(e => e.Language).HasMaxLength(LanguageLength).IsRequired();
        builder.Property(e => e.ConsentTextVersion).HasMaxLength(40).IsRequired();
        builder.Property(e => e.AccessToken).HasMaxLength(64).IsRequired();
        // One registration per activity and person: the database, not the code, enforces it (quality R2).
        builder.HasIndex(e => new { e.ActivityId, e.NormalizedEmail }).IsUnique();
        builder.HasIndex(e => e.AccessToken).IsUnique();
        builder.HasIndex(e => new { e.ActivityId, e.Status });
        // The report counts who attended each activity and from where: a covering index, read per activity (bench/README.md, P5).
        builder.HasIndex(e => new { e.ActivityId, e.Attended, e.CountryId });
        builder.HasOne(e => e.Activity).WithMany(a => a.Registrations).HasForeignKey(e => e.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Country).WithMany().HasForeignKey(e => e.CountryId).OnDelete(DeleteBehavior.Restrict);
    }
}
