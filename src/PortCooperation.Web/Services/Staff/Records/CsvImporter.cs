using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Resources;

namespace PortCooperation.Web.Services.Staff.Records;

/// <summary>One problem of an uploaded file: its line (1 = the header), the column, and what is wrong.</summary>
public sealed record ImportError(int Line, string Column, string Message);

/// <summary>One row of the file as the preview lists it: what it holds and what confirming does with it ("new", "duplicate" or "error").</summary>
public sealed record ImportLine(int Line, string Summary, string Outcome);

/// <summary>What the preview shows: the rows read, every error by line and column, and (only when there is none) the pending file's token and hash.</summary>
public sealed record ImportPreview(string Kind, int Rows, IReadOnlyList<ImportError> Errors, string? Token = null, string? Hash = null)
{
    /// <summary>What the confirmation posts: it names its fields.</summary>
    public ImportInput Input { get; } = new();

    public bool IsValid => Errors.Count == 0 && Token is not null;

    /// <summary>Every row with its outcome, errors included (with their column).</summary>
    public IReadOnlyList<ImportLine> Lines { get; init; } = [];

    /// <summary>The activity chosen on the import screen for rows that name none.</summary>
    public int? ActivityId { get; init; }

    public int Duplicates => Lines.Count(l => l.Outcome == "duplicate");
}

/// <summary>
/// Bulk import of scholarship awards and of historical participation totals from CSV (CsvHelper). The upload is read
/// and checked completely first; only a file without a single error is kept, server-side under a random token outside
/// wwwroot (ADR 0007), and the preview shows its SHA-256. Confirm re-reads that exact file (token + hash + the same
/// user), checks it again against the current data and writes every row in one transaction, or nothing.
/// </summary>
public sealed class CsvImporter(PortalDbContext db, IStringLocalizer<SharedResource> text, PendingUploads pending, TimeProvider clock)
{
    public const long MaxBytes = 2 * 1024 * 1024;

    public const string Awards = "awards";

    public const string Participation = "participation";

    public static IReadOnlyList<string> Kinds { get; } = [Awards, Participation];

    /// <summary>The columns a file must have; ProgrammeName and Activity may be missing (the staff area's own exports lack them).</summary>
    public static IReadOnlyList<string> Columns(string kind) => kind == Awards
        ? ["RecipientName", "Gender", "Country", "Course", "AmountUsd", "AwardedOn"]
        : ["ReportedParticipants", "ReportedMemberStates"];

    private static IReadOnlyList<string> OptionalColumns(string kind) => kind == Awards ? ["ProgrammeName"] : ["Activity"];

    public async Task<ImportPreview> PreviewAsync(string kind, byte[] content, string userId, CancellationToken cancellationToken, int? activityId = null)
    {
        var (rows, errors, lines) = await CheckAsync(kind, content, activityId, cancellationToken);
        if (errors.Count > 0 || rows == 0)
        {
            return new ImportPreview(kind, rows, errors.Count > 0 ? errors : [new ImportError(1, "", text["StaffEnt_Import_Empty"].Value)]) { Lines = lines, ActivityId = activityId };
        }

        var (token, hash) = await pending.KeepAsync(kind, userId, [content], cancellationToken);
        return new ImportPreview(kind, rows, [], token, hash) { Lines = lines, ActivityId = activityId };
    }

    /// <summary>Writes the previewed file in one transaction; null when the pending file is gone or not the one previewed.</summary>
    public async Task<(int Written, ImportPreview? Refused)?> ConfirmAsync(string kind, string? token, string? hash, string userId, CancellationToken cancellationToken, int? activityId = null)
    {
        if (!Kinds.Contains(kind) || await pending.ReadAsync(kind, userId, token, hash, cancellationToken) is not [var content])
        {
            return null;
        }

        // The data may have changed since the preview (a country or activity deleted): check again, write nothing if not valid.
        var (rows, errors, lines) = await CheckAsync(kind, content, activityId, cancellationToken, write: true);
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return (0, new ImportPreview(kind, rows, errors) { Lines = lines, ActivityId = activityId });
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        pending.Remove(kind, userId, token!);
        return (lines.Count(l => l.Outcome == "new"), null);
    }

    /// <summary>The activities to choose on the import screen, newest first, each as "date · title".</summary>
    public async Task<IReadOnlyList<(int Id, string Label)>> ActivityChoicesAsync(CancellationToken cancellationToken)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "es";
        var rows = await db.Activities.AsNoTracking().OrderByDescending(a => a.StartsAtUtc).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.StartsAtUtc, a.TitleEn, a.TitleEs, a.Slug }).ToListAsync(cancellationToken);
        return [.. rows.Select(a => (a.Id, $"{a.StartsAtUtc:yyyy-MM-dd} · {(english ? a.TitleEn : a.TitleEs ?? a.TitleEn)} ({a.Slug})"))];
    }

    /// <summary>M/F/H, male/female, hombre/mujer (and the enum's own names); empty is not recorded; false when not one of these.</summary>
    public static bool TryParseGender(string value, out Gender? gender)
    {
        gender = value.Trim().ToLowerInvariant() switch
        {
            "" => null,
            "m" or "male" or "h" or "hombre" or "masculino" or "man" => Gender.Male,
            "f" or "female" or "mujer" or "femenino" or "woman" => Gender.Female,
            "other" or "otro" => Gender.Other,
            "prefernottosay" or "prefiere no decirlo" => Gender.PreferNotToSay,
            _ => (Gender)(-1),
        };
        return gender is null || Enum.IsDefined(gender.Value);
    }

    /// <summary>Reads every row; with <paramref name="write"/> the valid rows are also added to the context (saved by the caller).</summary>
    private async Task<(int Rows, List<ImportError> Errors, List<ImportLine> Lines)> CheckAsync(string kind, byte[] content, int? activityId, CancellationToken cancellationToken, bool write = false)
    {
        var errors = new List<ImportError>();
        var lines = new List<ImportLine>();
        var decoded = UploadedText.Decode(content);
        var body = decoded.TrimStart('\uFEFF');
        var newline = body.IndexOf('\n', StringComparison.Ordinal);
        var records = new List<(int Line, Dictionary<string, string> Fields)>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            // Excel writes ';' where the decimal separator is a comma (Spanish); the header line says which.
            Delimiter = UploadedText.Separator(newline < 0 ? body : body[..newline]).ToString(),
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = args => errors.Add(new ImportError(args.Context.Parser?.RawRow ?? 0, "", text["StaffEnt_Import_BadData"].Value)),
        };
        using (var reader = new StringReader(body))
        using (var csv = new CsvReader(reader, config))
        {
            try
            {
                if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
                {
                    return (0, [new ImportError(1, "", text["StaffEnt_Import_Empty"].Value)], lines);
                }

                foreach (var missing in Columns(kind).Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase)))
                {
                    errors.Add(new ImportError(1, missing, text["StaffEnt_Import_ColumnMissing"].Value));
                }

                if (errors.Count > 0)
                {
                    return (0, errors, lines);
                }

                while (await csv.ReadAsync())
                {
                    var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var optional in OptionalColumns(kind))
                    {
                        fields[optional] = "";
                    }

                    for (var i = 0; i < header.Length; i++)
                    {
                        fields[header[i]] = csv.TryGetField<string>(i, out var value) ? value ?? "" : "";
                    }

                    records.Add((csv.Parser.RawRow, fields));
                }
            }
            catch (CsvHelperException)
            {
                errors.Add(new ImportError(csv.Parser.RawRow, "", text["StaffEnt_Import_BadData"].Value));
                return (records.Count, errors, lines);
            }
        }

        if (kind == Awards)
        {
            await CheckAwardsAsync(records, errors, lines, activityId, write, cancellationToken);
        }
        else
        {
            await CheckParticipationAsync(records, errors, lines, activityId, write, cancellationToken);
        }

        return (records.Count, errors, lines);
    }

    private async Task CheckAwardsAsync(
        List<(int Line, Dictionary<string, string> Fields)> records, List<ImportError> errors, List<ImportLine> lines, int? chosenActivity, bool write, CancellationToken cancellationToken)
    {
        var countries = await CountryLookup.LoadAsync(db, cancellationToken);
        var names = records.Select(r => r.Fields["Course"]).Where(s => s.Length > 0).Distinct().ToList();
        // A course by its address name or by its English title (the awards export writes the title).
        var found = await db.Activities.AsNoTracking().Where(a => names.Contains(a.Slug) || names.Contains(a.TitleEn))
            .Select(a => new { a.Id, a.Slug, a.TitleEn }).ToListAsync(cancellationToken);
        var courses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var a in found)
        {
            courses[a.Slug] = a.Id;
            courses.TryAdd(a.TitleEn, a.Id);
        }

        var chosen = chosenActivity is { } chosenId && await db.Activities.AnyAsync(a => a.Id == chosenId, cancellationToken) ? chosenActivity : null;
        var existing = (await db.ScholarshipAwards.AsNoTracking().Select(s => new { s.RecipientName, s.ActivityId, s.ProgrammeName, s.AwardedOn }).ToListAsync(cancellationToken))
            .Select(s => AwardKey(s.RecipientName, s.ActivityId, s.ProgrammeName, s.AwardedOn.Year)).ToHashSet(StringComparer.Ordinal);
        foreach (var (line, f) in records)
        {
            var before = errors.Count;
            void Error(string column, string key, params object[] args) =>
                errors.Add(new ImportError(line, column, string.Format(CultureInfo.CurrentCulture, text[key].Value, args)));

            var name = f["RecipientName"];
            if (name.Length == 0)
            {
                Error("RecipientName", "Admin_Validation_Required", "RecipientName");
            }
            else if (name.Length > 200)
            {
                Error("RecipientName", "Admin_Validation_MaxLength", "RecipientName", 200);
            }

            if (!TryParseGender(f["Gender"], out var gender))
            {
                Error("Gender", "StaffEnt_Import_OneOf", "M, F, H, male, female, hombre, mujer");
            }

            var country = countries.Find(f["Country"]);
            if (country is null)
            {
                Error("Country", "StaffEnt_Import_UnknownCountry");
            }

            int? activityId = chosen;
            var programme = f["ProgrammeName"];
            if (f["Course"].Length > 0)
            {
                if (courses.TryGetValue(f["Course"], out var id))
                {
                    activityId = id;
                }
                else if (programme.Length == 0)
                {
                    // Not a course of the portal: the name of an outside programme, as the export writes it.
                    programme = f["Course"];
                }
                else
                {
                    Error("Course", "StaffEnt_Import_UnknownActivity");
                }
            }
            else if (programme.Length == 0 && activityId is null)
            {
                Error("ProgrammeName", "StaffEnt_Validation_CourseNeeded");
            }

            if (programme.Length > 300)
            {
                Error("ProgrammeName", "Admin_Validation_MaxLength", "ProgrammeName", 300);
            }

            var amount = ScholarshipAwardInput.ParseAmount(f["AmountUsd"]);
            if (amount is null or > 1_000_000m)
            {
                Error("AmountUsd", "StaffEnt_Validation_Amount");
            }

            if (!DateOnly.TryParseExact(f["AwardedOn"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var awardedOn))
            {
                Error("AwardedOn", "StaffEnt_Import_Date");
            }

            var programmeName = activityId is null && programme.Length > 0 ? programme : null;
            var summary = $"{name} · {f["Course"]}{(programmeName is not null && f["Course"].Length == 0 ? programmeName : "")} · {f["AwardedOn"]}";
            if (errors.Count > before)
            {
                lines.Add(new ImportLine(line, summary, "error"));
                continue;
            }

            // The same person, course and year is already recorded (or earlier in this file): shown, not written twice.
            if (!existing.Add(AwardKey(name, activityId, programmeName, awardedOn.Year)))
            {
                lines.Add(new ImportLine(line, summary, "duplicate"));
                continue;
            }

            lines.Add(new ImportLine(line, summary, "new"));
            if (write && errors.Count == 0)
            {
                db.ScholarshipAwards.Add(new ScholarshipAward
                {
                    RecipientName = name, Gender = gender, CountryId = country!.Id, ActivityId = activityId, ProgrammeName = programmeName,
                    AmountUsd = amount!.Value, AwardedOn = awardedOn,
                });
            }
        }
    }

    private static string AwardKey(string name, int? activityId, string? programme, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"{name.Trim().ToLowerInvariant()}|{activityId}|{programme?.Trim().ToLowerInvariant()}|{year}");

    private async Task CheckParticipationAsync(
        List<(int Line, Dictionary<string, string> Fields)> records, List<ImportError> errors, List<ImportLine> lines, int? chosenActivity, bool write, CancellationToken cancellationToken)
    {
        var chosenSlug = chosenActivity is { } chosenId ? await db.Activities.Where(a => a.Id == chosenId).Select(a => a.Slug).SingleOrDefaultAsync(cancellationToken) : null;
        var slugs = records.Select(r => r.Fields["Activity"]).Append(chosenSlug ?? "").Where(s => s.Length > 0).Distinct().ToList();
        var activities = await db.Activities.Where(a => slugs.Contains(a.Slug)).ToDictionaryAsync(a => a.Slug, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, f) in records)
        {
            var before = errors.Count;
            void Error(string column, string key, params object[] args) =>
                errors.Add(new ImportError(line, column, string.Format(CultureInfo.CurrentCulture, text[key].Value, args)));

            var slug = f["Activity"].Length > 0 ? f["Activity"] : chosenSlug ?? "";
            var found = activities.TryGetValue(slug, out var activity);
            var first = seen.Add(slug);

            // A row that says what is already saved (the staff area's own export read back, future activities and
            // activities without totals included) is a duplicate, not an error.
            if (found && first && Saved(f["ReportedParticipants"], activity!.ReportedParticipants) && Saved(f["ReportedMemberStates"], activity.ReportedMemberStates))
            {
                lines.Add(new ImportLine(line, $"{slug} · {f["ReportedParticipants"]} · {f["ReportedMemberStates"]}", "duplicate"));
                continue;
            }

            if (!found)
            {
                Error("Activity", "StaffEnt_Import_UnknownActivity");
            }
            else if (!first)
            {
                Error("Activity", "StaffEnt_Import_Twice");
            }
            else if (activity!.StartsAtUtc > now)
            {
                Error("Activity", "StaffEnt_Import_NotHistorical");
            }

            var participants = Count(f["ReportedParticipants"], "ReportedParticipants", 1_000_000);
            var memberStates = Count(f["ReportedMemberStates"], "ReportedMemberStates", 200);
            if (f["ReportedParticipants"].Length == 0 && f["ReportedMemberStates"].Length == 0)
            {
                Error("ReportedParticipants", "StaffEnt_Import_TotalsNeeded");
            }

            var unchanged = errors.Count == before && activity!.ReportedParticipants == (participants ?? activity.ReportedParticipants)
                && activity.ReportedMemberStates == (memberStates ?? activity.ReportedMemberStates);
            lines.Add(new ImportLine(line, $"{slug} · {f["ReportedParticipants"]} · {f["ReportedMemberStates"]}", errors.Count > before ? "error" : unchanged ? "duplicate" : "new"));
            if (write && errors.Count == 0)
            {
                activity!.ReportedParticipants = participants ?? activity.ReportedParticipants;
                activity.ReportedMemberStates = memberStates ?? activity.ReportedMemberStates;
            }

            static bool Saved(string value, int? saved) => value.Length == 0
                ? saved is null
                : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number == saved;

            int? Count(string value, string column, int max)
            {
                if (value.Length == 0)
                {
                    return null;
                }

                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= max)
                {
                    return number;
                }

                Error(column, "Admin_Validation_Range", column, 0, max);
                return null;
            }
        }
    }
}
