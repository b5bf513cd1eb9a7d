using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Infrastructure;

namespace PortCooperation.Web.Data;

/// <summary>
/// The portal's model. Abstract: each provider has its own derived context (ProviderContexts.cs) so that its
/// migrations and model snapshot are found by context type and never mixed with another provider's.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options, TimeProvider? clock = null)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>
    /// The provider this context talks to, for the few places that send their own SQL: each branches on it
    /// explicitly, and a provider no branch knows is an error rather than a silent fall-through to another's SQL.
    /// </summary>
    public DatabaseProvider Provider => Database.ProviderName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => DatabaseProvider.Sqlite,
        "Npgsql.EntityFrameworkCore.PostgreSQL" => DatabaseProvider.PostgreSql,
        "Microsoft.EntityFrameworkCore.SqlServer" => DatabaseProvider.SqlServer,
        var other => throw new NotSupportedException($"The database provider '{other}' is not supported."),
    };

    /// <summary>The clock the context stamps with; seeding dates demo records relative to it.</summary>
    internal TimeProvider Clock => _clock;

    public DbSet<Country> Countries => Set<Country>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<ProgrammePhase> ProgrammePhases => Set<ProgrammePhase>();
    public DbSet<PortSystem> PortSystems => Set<PortSystem>();
    public DbSet<ProgrammeMembership> ProgrammeMemberships => Set<ProgrammeMembership>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<ActivityPartner> ActivityPartners => Set<ActivityPartner>();
    public DbSet<ActivityCountry> ActivityCountries => Set<ActivityCountry>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<AttendanceImport> AttendanceImports => Set<AttendanceImport>();
    public DbSet<SpeakingEngagement> SpeakingEngagements => Set<SpeakingEngagement>();
    public DbSet<SpeakingEngagementCountry> SpeakingEngagementCountries => Set<SpeakingEngagementCountry>();
    public DbSet<ScholarshipAward> ScholarshipAwards => Set<ScholarshipAward>();
    public DbSet<BestPracticeDocument> Documents => Set<BestPracticeDocument>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<DocumentTopic> DocumentTopics => Set<DocumentTopic>();
    public DbSet<DocumentCollection> Collections => Set<DocumentCollection>();
    public DbSet<CollectionDocument> CollectionDocuments => Set<CollectionDocument>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<PageView> PageViews => Set<PageView>();
    public DbSet<AnalyticsSalt> AnalyticsSalts => Set<AnalyticsSalt>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    /// <summary>The Data Protection key ring (sign-in cookies, antiforgery tokens, links in mails), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ReportSubscription> ReportSubscriptions => Set<ReportSubscription>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC: SQLite hands values back as Unspecified and Npgsql refuses
        // non-UTC values for timestamptz, so one converter keeps both providers honest.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampEditableEntities();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampEditableEntities();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Sets timestamps and bumps the concurrency token; the UPDATE then carries "WHERE Version = old".</summary>
    private void StampEditableEntities()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries<EditableEntity>())
        {
            if (entry.State == EntityState.Added)
            {
                if (entry.Entity.CreatedAt == default)
                {
                    entry.Entity.CreatedAt = now;
                }

                entry.Entity.UpdatedAt = now;
                entry.Entity.Version = 1;
            }
            else if (entry.State == EntityState.Modified)
            {
                entry.Entity.UpdatedAt = now;
                entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
            }
        }
    }
}
