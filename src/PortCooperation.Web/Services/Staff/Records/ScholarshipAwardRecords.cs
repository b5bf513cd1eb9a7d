using Microsoft.AspNetCore.Mvc;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Resources;

namespace PortCooperation.Web.Services.Staff.Records;

public sealed class ScholarshipAwardFilter : RecordFilterBase
{
    [FromQuery(Name = "country")]
    public int? Country { get; set; }

    [FromQuery(Name = "year")]
    public int? Year { get; set; }

    /// <summary>The course or programme: "activity-{id}" for a course on file, otherwise the programme name as entered.</summary>
    [FromQuery(Name = "course")]
    public string? Course { get; set; }
}

/// <summary>The totals line of the filtered awards: how many, their value, and by gender (the three add up to the count).</summary>
public sealed record ScholarshipAwardTotals(int Count, decimal AmountUsd, int Men, int Women, int NotRecorded);

public sealed record ScholarshipAwardRow(
    int Id, string RecipientName, Gender? Gender, string CountryCode, string CountryEn, string CountryEs, string? Course, decimal AmountUsd, DateOnly AwardedOn, DateTime UpdatedAt);

/// <summary>/Admin/ScholarshipAwards: who received a scholarship, from where, for which course, how much and when.</summary>
public sealed class ScholarshipAwardRecords(PortalDbContext db, IStringLocalizer<SharedResource> text)
    : RecordEditor<ScholarshipAward, ScholarshipAwardInput>(db, text), IStaffRecords<ScholarshipAwardInput, ScholarshipAwardFilter, ScholarshipAwardRow>
{
    public (string Name, string[] Header, Func<ScholarshipAwardRow, object?[]> Cells) Export =>
        ("scholarship-awards", ["Id", "RecipientName", "Gender", "Country", "Course", "AmountUsd", "AwardedOn", "UpdatedAtUtc"],
            r => [r.Id, r.RecipientName, r.Gender, r.CountryCode, r.Course, r.AmountUsd.ToString("0.00", CultureInfo.InvariantCulture), r.AwardedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.UpdatedAt]);

    public Task<Paged<ScholarshipAwardRow>> ListAsync(ScholarshipAwardFilter filter, CancellationToken cancellationToken) =>
        Query(filter).ToPagedAsync(filter.Page, cancellationToken);

    public Task<List<ScholarshipAwardRow>> ListAllAsync(ScholarshipAwardFilter filter, CancellationToken cancellationToken) => Query(filter).ToListAsync(cancellationToken);

    public async Task<RecordChoices> FilterChoicesAsync(CancellationToken cancellationToken) => new()
    {
        ["CountryId"] = await CountryChoicesAsync(cancellationToken),
        ["Course"] = await CourseChoicesAsync(cancellationToken),
    };

    /// <summary>The totals of every award the filter selects (all pages), counted by the database.</summary>
    public async Task<ScholarshipAwardTotals> TotalsAsync(ScholarshipAwardFilter filter, CancellationToken cancellationToken)
    {
        var totals = await Filtered(filter, null)
            .GroupBy(s => 1)
            .Select(g => new
            {
                Count = g.Count(),
                Usd = g.Sum(s => s.AmountUsd),
                Men = g.Count(s => s.Gender == Gender.Male),
                Women = g.Count(s => s.Gender == Gender.Female),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return totals is null
            ? new ScholarshipAwardTotals(0, 0m, 0, 0, 0)
            : new ScholarshipAwardTotals(totals.Count, totals.Usd, totals.Men, totals.Women, totals.Count - totals.Men - totals.Women);
    }

    /// <summary>Every course or programme that has an award: courses on file by title and year, then programme names.</summary>
    private async Task<IReadOnlyList<SelectListItem>> CourseChoicesAsync(CancellationToken cancellationToken)
    {
        // One command for both kinds: an award names a course on file or, without one, a programme by name.
        var choices = await Db.ScholarshipAwards.AsNoTracking().Where(s => s.ActivityId != null || s.ProgrammeName != null)
            .Select(s => new
            {
                ActivityId = (int?)s.Activity!.Id,
                TitleEn = s.Activity != null ? s.Activity.TitleEn : null,
                TitleEs = s.Activity != null ? s.Activity.TitleEs : null,
                StartsAtUtc = s.Activity != null ? (DateTime?)s.Activity.StartsAtUtc : null,
                Name = s.ActivityId == null ? s.ProgrammeName : null,
            })
            .Distinct()
            .ToListAsync(cancellationToken);
        var courses = choices.Where(c => c.ActivityId is not null)
            .Select(c => new { Id = c.ActivityId!.Value, TitleEn = c.TitleEn ?? "", c.TitleEs, StartsAtUtc = c.StartsAtUtc!.Value });
        var names = choices.Where(c => c.ActivityId is null && c.Name is not null).Select(c => c.Name!);
        var culture = CultureInfo.CurrentUICulture;
        var comparer = StringComparer.Create(culture, true);
        return
        [
            .. courses.OrderByDescending(c => c.StartsAtUtc).ThenBy(c => c.Id).Select(c => new SelectListItem(
                $"{c.StartsAtUtc.Year.ToString(CultureInfo.InvariantCulture)} · {Content.LocalizedText.Pick(c.TitleEn, c.TitleEs, culture).Text}",
                CourseValue(c.Id))),
            .. names.Order(comparer).Select(n => new SelectListItem(n, n)),
        ];
    }

    private static string CourseValue(int activityId) => "activity-" + activityId.ToString(CultureInfo.InvariantCulture);

    public async Task<RecordChoices> FormChoicesAsync(int? id, CancellationToken cancellationToken) => new()
    {
        ["CountryId"] = await CountryChoicesAsync(cancellationToken),
        ["Gender"] = EnumChoices<Gender>("Registration_Gender_"),
        ["ActivityId"] = await Db.Activities.AsNoTracking().Where(a => a.Kind == ActivityKind.Course || a.Kind == ActivityKind.Diploma)
            .OrderByDescending(a => a.StartsAtUtc).Select(a => new { a.Id, a.TitleEn, a.StartsAtUtc }).ToListAsync(cancellationToken) is var courses
            ? [.. courses.Select(c => new SelectListItem($"{c.StartsAtUtc:yyyy} · {c.TitleEn}", c.Id.ToString(CultureInfo.InvariantCulture)))]
            : [],
    };

    public async Task<RecordDetail?> DetailAsync(int id, CancellationToken cancellationToken)
    {
        var row = await Query(new ScholarshipAwardFilter(), id).SingleOrDefaultAsync(cancellationToken);
        var version = await Db.ScholarshipAwards.Where(s => s.Id == id).Select(s => s.Version).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        return new RecordDetail(row.RecipientName, version,
            [
                (Label("StaffEnt_Award_RecipientName"), row.RecipientName),
                (Label("StaffEnt_Award_Gender"), row.Gender is null ? "" : Label("Registration_Gender_" + row.Gender)),
                (Label("StaffEnt_Award_CountryId"), English ? row.CountryEn : row.CountryEs),
                (Label("StaffEnt_Award_Course"), row.Course ?? ""),
                (Label("StaffEnt_Award_AmountUsd"), row.AmountUsd.ToString("N2", CultureInfo.CurrentCulture)),
                (Label("StaffEnt_Award_AwardedOn"), row.AwardedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                (Label("Admin_Updated"), row.UpdatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC"),
            ],
            [],
            null);
    }

    /// <summary>Nothing refers to an award.</summary>
    public override Task<string?> DeleteBlockerAsync(int id, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    protected override ScholarshipAwardInput ToInput(ScholarshipAward entity) => new()
    {
        Version = entity.Version,
        RecipientName = entity.RecipientName,
        Gender = entity.Gender,
        CountryId = entity.CountryId,
        ActivityId = entity.ActivityId,
        ProgrammeName = entity.ProgrammeName,
        AmountUsd = entity.AmountUsd.ToString("0.00", CultureInfo.InvariantCulture),
        AwardedOn = entity.AwardedOn,
    };

    protected override void Apply(ScholarshipAwardInput input, ScholarshipAward entity)
    {
        entity.RecipientName = input.RecipientName!.Trim();
        entity.Gender = input.Gender;
        entity.CountryId = input.CountryId!.Value;
        entity.ActivityId = input.ActivityId;
        entity.ProgrammeName = Clean(input.ProgrammeName);
        entity.AmountUsd = ScholarshipAwardInput.ParseAmount(input.AmountUsd)!.Value;
        entity.AwardedOn = input.AwardedOn!.Value;
    }

    protected override async Task ValidateAsync(int? id, ScholarshipAwardInput input, FormErrors errors, CancellationToken cancellationToken)
    {
        if (input.Gender is { } gender && !Enum.IsDefined(gender))
        {
            errors.Add(nameof(input.Gender), Label("Admin_Validation_Invalid"));
        }

        if (input.CountryId is { } countryId && !await Db.Countries.AnyAsync(c => c.Id == countryId, cancellationToken))
        {
            errors.Add(nameof(input.CountryId), Label("Admin_Validation_Invalid"));
        }

        if (input.ActivityId is { } activityId && !await Db.Activities.AnyAsync(a => a.Id == activityId, cancellationToken))
        {
            errors.Add(nameof(input.ActivityId), Label("Admin_Validation_Invalid"));
        }

        if (input.ActivityId is null && string.IsNullOrWhiteSpace(input.ProgrammeName))
        {
            errors.Add(nameof(input.ProgrammeName), Label("StaffEnt_Validation_CourseNeeded"));
        }
    }

    private IQueryable<ScholarshipAwardRow> Query(ScholarshipAwardFilter filter, int? id = null) => Sorted(Filtered(filter, id), filter);

    /// <summary>The awards the list's search and filters select, unsorted (the list and its totals line share it).</summary>
    private IQueryable<ScholarshipAward> Filtered(ScholarshipAwardFilter filter, int? id)
    {
        var query = Db.ScholarshipAwards.AsNoTracking().Where(s => id == null || s.Id == id);
        if (Pattern(filter.Q) is { } pattern)
        {
            query = query.Where(s => EF.Functions.Like(s.RecipientName.ToLower(), pattern) || (s.ProgrammeName != null && EF.Functions.Like(s.ProgrammeName.ToLower(), pattern))
                || (s.Activity != null && EF.Functions.Like(s.Activity.TitleEn.ToLower(), pattern)));
        }

        if (filter.Course is { Length: > 0 } course)
        {
            query = course.StartsWith("activity-", StringComparison.Ordinal)
                && int.TryParse(course.AsSpan("activity-".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var activityId)
                    ? query.Where(s => s.ActivityId == activityId)
                    : query.Where(s => s.ActivityId == null && s.ProgrammeName == course);
        }

        if (filter.Country is { } country)
        {
            query = query.Where(s => s.CountryId == country);
        }

        if (filter.Year is >= 1900 and <= 2200)
        {
            var from = new DateOnly(filter.Year.Value, 1, 1);
            var to = from.AddYears(1);
            query = query.Where(s => s.AwardedOn >= from && s.AwardedOn < to);
        }

        return query;
    }

    private static IQueryable<ScholarshipAwardRow> Sorted(IQueryable<ScholarshipAward> query, ScholarshipAwardFilter filter)
    {
        query = filter.Sort switch
        {
            "recipient" => query.OrderBy(s => s.RecipientName).ThenBy(s => s.Id),
            "-recipient" => query.OrderByDescending(s => s.RecipientName).ThenBy(s => s.Id),
            "country" => query.OrderBy(s => s.Country!.NameEn).ThenBy(s => s.Id),
            "-country" => query.OrderByDescending(s => s.Country!.NameEn).ThenBy(s => s.Id),
            // SQLite cannot order by a decimal column; a double orders the amounts the same way.
            "amount" => query.OrderBy(s => (double)s.AmountUsd).ThenBy(s => s.Id),
            "-amount" => query.OrderByDescending(s => (double)s.AmountUsd).ThenBy(s => s.Id),
            "awarded" => query.OrderBy(s => s.AwardedOn).ThenBy(s => s.Id),
            "updated" => query.OrderBy(s => s.UpdatedAt).ThenBy(s => s.Id),
            "-updated" => query.OrderByDescending(s => s.UpdatedAt).ThenBy(s => s.Id),
            _ => query.OrderByDescending(s => s.AwardedOn).ThenBy(s => s.Id),
        };
        return query.Select(s => new ScholarshipAwardRow(s.Id, s.RecipientName, s.Gender, s.Country!.Code, s.Country.NameEn, s.Country.NameEs,
            s.Activity != null ? s.Activity.TitleEn : s.ProgrammeName, s.AmountUsd, s.AwardedOn, s.UpdatedAt));
    }
}
