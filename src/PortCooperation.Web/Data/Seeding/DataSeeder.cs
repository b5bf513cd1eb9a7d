using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data.Seeding.Demo;
using PortCooperation.Web.Data.Seeding.ReferenceData;

namespace PortCooperation.Web.Data.Seeding;

/// <summary>
/// Seeds reference data (countries, topics: always, upserted by code/slug so names get corrected) and, when
/// <c>Database:SeedDemoData</c> is on, the demo data drawn from the two source documents (added when missing, never
/// overwritten). Every record is matched by a natural key, so running it any number of times adds nothing new.
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
        logger.LogInformation("Reference data seeded ({Changes} rows added or corrected)", changed);

        if (!seedDemoData)
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
}
