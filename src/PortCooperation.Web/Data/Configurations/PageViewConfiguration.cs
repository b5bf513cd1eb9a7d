using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Data.Configurations;

public class PageViewConfiguration : IEntityTypeConfiguration<PageView>
{
    public void Configure(EntityTypeBuilder<PageView> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Path).HasMaxLength(400).IsRequired();
        builder.Property(e => e.VisitorKey).HasMaxLength(64).IsRequired();
        builder.Property(e => e.SessionKey).HasMaxLength(64).IsRequired();
        builder.Property(e => e.ReferrerHost).HasMaxLength(255);
        builder.Property(e => e.CountryCode).HasMaxLength(2);
        builder.Property(e => e.Language).HasMaxLength(8);
        // Covers the analytics totals (visitors by kind, sessions) of a range of days, for any country scope: read from
        // the index alone and grouped by visitor-day and session in its order, without sorting (bench/README.md, P5).
        builder.HasIndex(e => new { e.Day, e.VisitorKey, e.SessionKey, e.VisitorKind, e.CountryCode });
        // The top pages of a range of days, for any country scope, from the index alone.
        builder.HasIndex(e => new { e.Day, e.Path, e.CountryCode });
        builder.HasIndex(e => new { e.Path, e.OccurredAtUtc });
        // The first recorded view (MIN), and views by instant.
        builder.HasIndex(e => new { e.OccurredAtUtc, e.Path });
        builder.HasIndex(e => new { e.VisitorKey, e.OccurredAtUtc });
    }
}
