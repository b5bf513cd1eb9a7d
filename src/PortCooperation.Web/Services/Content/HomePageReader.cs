using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Models.Home;

namespace PortCooperation.Web.Services.Content;

/// <summary>
/// Reads the home page in three SQL commands (upcoming, recent, key figures), projecting only the columns
/// the page shows. "Now" comes from <see cref="TimeProvider"/> so tests can place it anywhere.
/// </summary>
public sealed class HomePageReader(PortalDbContext db, TimeProvider clock)
{
    public const int ListSize = 6;

    public async Task<HomePageViewModel> ReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var culture = CultureInfo.CurrentUICulture;
        var visible = db.Activities.AsNoTracking().Public(now);

        var upcoming = await ActivityCardQuery.SelectCards(visible
                .Where(a => a.StartsAtUtc >= now)
                .OrderBy(a => a.StartsAtUtc).ThenBy(a => a.Id)
                .Take(ListSize))
            .ToListAsync(cancellationToken);
        var recent = await ActivityCardQuery.SelectCards(visible
                .Where(a => a.Status == ActivityStatus.Held && a.StartsAtUtc < now)
                .OrderByDescending(a => a.StartsAtUtc).ThenByDescending(a => a.Id)
                .Take(ListSize))
            .ToListAsync(cancellationToken);
        var figures = await KeyFiguresQuery.ReadAsync(db, now, cancellationToken);

        return new HomePageViewModel
        {
            Upcoming = [.. upcoming.Select(r => r.ToCard(culture))],
            Recent = [.. recent.Select(r => r.ToCard(culture))],
            Figures = figures,
        };
    }
}
