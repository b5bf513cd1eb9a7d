using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data.Seeding.Demo;
using PortCooperation.Web.Data.Seeding.ReferenceData;

namespace PortCooperation.Web.Data.Seeding;

/// <summary>
/// Seeds reference data (countries, topics: into empty tables only) and, when <c>Database:SeedDemoData</c> is on and
/// the database holds no content yet, the demo data drawn from the two source documents. Existing rows are never
/// changed and a later start adds nothing, so staff edits and deletions survive restarts (ADR 0013).
/// </summary>
public static class DataSeeder
{
    public static async Task SeedAsync(PortalDbContext db, bool seedDemoData, ILogger logger, CancellationToken cancellationToken = default)
    {
        try
        {
            await SeedOnceAsync(db, seedDemoData, logger, cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Two instances starting together can race on the unique natural keys; the loser starts over and
            // then finds the winner's rows.
            logger.LogWarning(ex, "Seeding collided with a concurrent seed; retrying once");
            db.ChangeTracker.Clear();
            await SeedOnceAsync(db, seedDemoData, logger, cancellationToken);
        }
    }

    private static async Task SeedOnceAsync(PortalDbContext db, bool seedDemoData, ILogger logger, CancellationToken cancellationToken)
    {
        var countries = await Countries.SeedAsync(db, cancellationToken);
        var topics = await Topics.SeedAsync(db, cancellationToken);
        var changed = await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Reference data seeded ({Changes} rows added)", changed);

        if (!seedDemoData || await HasContentAsync(db, cancellationToken))
        {
            return;
        }

        var seed = new SeedContext(db, countries, topics);

        // Organisations first: every other area links to them by slug.
        await Organisations.SeedAsync(seed, cancellationToken);
        await Activities.SeedAsync(seed, cancellationToken);
        await SpeakingEngagements.SeedAsync(seed, cancellationToken);
        await PortNetwork.SeedAsync(seed, cancellationToken);
        await Scholarships.SeedAsync(seed, cancellationToken);
        await Library.SeedAsync(seed, cancellationToken);
        await RegistrationDemo.SeedAsync(seed, cancellationToken);
        changed = await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo data seeded ({Changes} rows added)", changed);
    }

    /// <summary>Whether any content table has a row: demo data goes only into a database nobody has used yet.</summary>
    private static async Task<bool> HasContentAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        await db.Organisations.AnyAsync(cancellationToken)
        || await db.Activities.AnyAsync(cancellationToken)
        || await db.Documents.AnyAsync(cancellationToken)
        || await db.SpeakingEngagements.AnyAsync(cancellationToken)
        || await db.ScholarshipAwards.AnyAsync(cancellationToken)
        || await db.Programmes.AnyAsync(cancellationToken)
        || await db.PortSystems.AnyAsync(cancellationToken);
}
