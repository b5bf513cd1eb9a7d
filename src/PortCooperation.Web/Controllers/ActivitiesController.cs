using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Infrastructure.Caching;
using PortCooperation.Web.Models.Activities;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Activities;
using PortCooperation.Web.Services.Calendar;

namespace PortCooperation.Web.Controllers;

/// <summary>
/// The public activities: listing with filters, month calendar, detail page, and the iCalendar download and feed.
/// Every action is an anonymous GET served from the output cache, evicted when activities, partners or countries change.
/// </summary>
[Route("activities")]
public sealed class ActivitiesController(TimeProvider clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    [OutputCache(PolicyName = PublicPageCache.Policy, Tags = [CacheTags.Activities, CacheTags.Organisations, CacheTags.Countries])]
    public async Task<IActionResult> Index([FromQuery] ActivityListInput input, [FromServices] ActivityListReader reader, CancellationToken cancellationToken)
    {
        var page = await reader.ReadAsync(input.ToFilter(), cancellationToken);
        page.Input = input;
        return View(page);
    }

    /// <summary>A month grid. A missing or malformed year/month shows the current month rather than failing.</summary>
    [HttpGet("calendar")]
    [OutputCache(PolicyName = PublicPageCache.Policy, Tags = [CacheTags.Activities])]
    public async Task<IActionResult> Calendar(string? year, string? month, [FromServices] ActivityCalendarReader reader, CancellationToken cancellationToken)
    {
        var today = clock.GetUtcNow().UtcDateTime;
        var y = ActivityListInput.ParseInt(year) is { } parsedYear and >= ActivityFilter.MinYear and <= ActivityFilter.MaxYear ? parsedYear : today.Year;
        var m = ActivityListInput.ParseInt(month) is { } parsedMonth and >= 1 and <= 12 ? parsedMonth : today.Month;
        return View(await reader.ReadAsync(y, m, cancellationToken));
    }

    /// <summary>The iCalendar feed of public activities that have not ended yet, in the reader's language.</summary>
    [HttpGet("/activities.ics")]
    [OutputCache(PolicyName = PublicPageCache.Policy, Tags = [CacheTags.Activities, CacheTags.Countries])]
    public async Task<IActionResult> Feed([FromServices] ActivityDetailReader reader, CancellationToken cancellationToken)
    {
        var events = await reader.ReadFeedAsync(AbsoluteUrl, localizer["Activity_Online"], cancellationToken);
        var text = CalendarFileWriter.Write(events, reader.NowUtc, CalendarMethod.Publish, $"{localizer["Activities_Title"]} – {localizer["Site_Name"]}");
        return File(Encoding.UTF8.GetBytes(text), CalendarFileWriter.ContentType);
    }

    [HttpGet("{slug}.ics")]
    [OutputCache(PolicyName = PublicPageCache.Policy, Tags = [CacheTags.Activities, CacheTags.Countries])]
    public async Task<IActionResult> Ics(string slug, [FromServices] ActivityDetailReader reader, CancellationToken cancellationToken)
    {
        var calendarEvent = await reader.ReadEventAsync(slug, AbsoluteUrl, localizer["Activity_Online"], cancellationToken);
        if (calendarEvent is null)
        {
            return NotFound();
        }

        var text = CalendarFileWriter.WriteEvent(calendarEvent, reader.NowUtc);
        return File(Encoding.UTF8.GetBytes(text), CalendarFileWriter.ContentType, $"{slug}.ics");
    }

    [HttpGet("{slug}")]
    [OutputCache(PolicyName = PublicPageCache.Policy, Tags = [CacheTags.Activities, CacheTags.Registrations, CacheTags.Organisations, CacheTags.Countries])]
    public async Task<IActionResult> Details(string slug, [FromServices] ActivityDetailReader reader, CancellationToken cancellationToken)
    {
        var model = await reader.ReadAsync(slug, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    private string AbsoluteUrl(string slug) =>
        Url.Action(nameof(Details), null, new { slug }, Request.Scheme) ?? throw new InvalidOperationException("No route leads to an activity's page.");
}
