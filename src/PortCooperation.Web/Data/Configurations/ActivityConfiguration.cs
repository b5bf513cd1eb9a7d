using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Domain;
using static PortCooperation.Web.Data.Configurations.EntityConfigurationExtensions;

namespace PortCooperation.Web.Data.Configurations;

public class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.ConfigureEditable();
        builder.Property(e => e.Slug).HasMaxLength(SlugLength).IsRequired();
        builder.Property(e => e.TitleEn).HasMaxLength(TitleLength).IsRequired();
        builder.Property(e => e.TitleEs).HasMaxLength(TitleLength);
        builder.Property(e => e.SummaryEn).HasMaxLength(SummaryLength);
        builder.Property(e => e.SummaryEs).HasMaxLength(SummaryLength);
        builder.Property(e => e.Language).HasMaxLength(LanguageLength).IsRequired();
        builder.Property(e => e.TimeZoneId).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Venue).HasMaxLength(NameLength);
        builder.Property(e => e.City).HasMaxLength(NameLength);
        builder.Property(e => e.OnlineJoinUrl).HasMaxLength(UrlLength);
        builder.Property(e => e.StatusReasonEn).HasMaxLength(SummaryLength);
        builder.Property(e => e.StatusReasonEs).HasMaxLength(SummaryLength);
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.HasIndex(e => new { e.PublicationState, e.StartsAtUtc });
        builder.HasIndex(e => new { e.Kind, e.StartsAtUtc });
        builder.HasOne(e => e.HostCountry).WithMany().HasForeignKey(e => e.HostCountryId).OnDelete(DeleteBehavior.Restrict);
    }
}
