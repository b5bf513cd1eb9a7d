using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Infrastructure;
using PortCooperation.Web.Resources;

namespace PortCooperation.Web.Services.Staff.Records;

/// <summary>One problem of an uploaded file: its line (1 = the header), the column, and what is wrong.</summary>
public sealed record ImportError(int Line, string Column, string Message);

/// <summary>What the preview shows: the rows read, every error by line and column, and (only when there is none) the pending file's token and hash.</summary>
public sealed record ImportPreview(string Kind, int Rows, IReadOnlyList<ImportError> Errors, string? Token = null, string? Hash = null)
{
    public bool IsValid => Errors.Count == 0 && Token is not null;
}

/// <summary>
/// Bulk import of scholarship awards and of historical participation totals from CSV (CsvHelper). The upload is read
/// and checked completely first; only a file without a single error is kept, server-side under a random token outside
/// wwwroot (ADR 0007), and the preview shows its SHA-256. Confirm re-reads that exact file (token + hash + the same
/// user), checks it again against the current data and writes every row in one transaction, or nothing.
/// </summary>
public sealed partial class CsvImporter(PortalDbContext db, IStringLocalizer<SharedResource> text, IConfiguration configuration, IHostEnvironment environment, TimeProvider clock)
{
    public const long MaxBytes = 2 * 1024 * 1024;

    public const string Awards = "awards";

    public const string Participation = "participation";

    public static IReadOnlyList<string> Kinds { get; } = [Awards, Participation];

    public static IReadOnlyList<string> Columns(string kind) => kind == Awards
        ? ["RecipientName", "Gender", "Country", "Course", "ProgrammeName", "AmountUsd", "AwardedOn"]
        : ["Activity", "ReportedParticipants", "ReportedMemberStates"];

    public async Task<ImportPreview> PreviewAsync(string kind, byte[] content, string userId, CancellationToken cancellationToken)
    {
        var (rows, errors) = await CheckAsync(kind, content, cancellationToken);
        if (errors.Count > 0 || rows == 0)
        {
            return new ImportPreview(kind, rows, errors.Count > 0 ? errors : [new ImportError(1, "", text["StaffEnt_Import_Empty"].Value)]);
        }

        var folder = Folder();
        Directory.CreateDirectory(folder);
        foreach (var old in new DirectoryInfo(folder).GetFiles("*.csv").Where(f => f.LastWriteTimeUtc < clock.GetUtcNow().UtcDateTime.AddDays(-1)))
        {
            old.Delete();
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await File.WriteAllBytesAsync(PathOf(kind, userId, token), content, cancellationToken);
        return new ImportPreview(kind, rows, [], token, Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    /// <summary>Writes the previewed file in one transaction; null when the pending file is gone or not the one previewed.</summary>
    public async Task<(int Written, ImportPreview? Refused)?> ConfirmAsync(string kind, string? token, string? hash, string userId, CancellationToken cancellationToken)
    {
        if (!Kinds.Contains(kind) || token is null || !TokenPattern().IsMatch(token) || !File.Exists(PathOf(kind, userId, token)))
        {
            return null;
        }

        var path = PathOf(kind, userId, token);
        var content = await File.ReadAllBytesAsync(path, cancellationToken);
        if (!string.Equals(hash, Convert.ToHexStringLower(SHA256.HashData(content)), StringComparison.Ordinal))
        {
            return null;
        }

        // The data may have changed since the preview (a country or activity deleted): check again, write nothing if not valid.
        var (rows, errors) = await CheckAsync(kind, content, cancellationToken, write: true);
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return (0, new ImportPreview(kind, rows, errors));
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        File.Delete(path);
        return (rows, null);
    }

    private string Folder() => Path.Combine(DataDirectory.Resolve(configuration, environment), "imports");

    /// <summary>The pending file of this user: a random token, the kind and a digest of the user id (never a name from the request).</summary>
    private string PathOf(string kind, string userId, string token) =>
        Path.Combine(Folder(), $"{kind}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..16]}-{token}.csv");

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TokenPattern();

    /// <summary>Reads every row; with <paramref name="write"/> the valid rows are also added to the context (saved by the caller).</summary>
    private async Task<(int Rows, List<ImportError> Errors)> CheckAsync(string kind, byte[] content, CancellationToken cancellationToken, bool write = false)
    {
        var errors = new List<ImportError>();
        var records = new List<(int Line, Dictionary<string, string> Fields)>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = args => errors.Add(new ImportError(args.Context.Parser?.RawRow ?? 0, "", text["StaffEnt_Import_BadData"].Value)),
        };
        using (var reader = new StreamReader(new MemoryStream(content), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        using (var csv = new CsvReader(reader, config))
        {
            try
            {
                if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
                {
                    return (0, [new ImportError(1, "", text["StaffEnt_Import_Empty"].Value)]);
                }

                foreach (var missing in Columns(kind).Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase)))
                {
                    errors.Add(new ImportError(1, missing, text["StaffEnt_Import_ColumnMissing"].Value));
                }

                if (errors.Count > 0)
                {
                    return (0, errors);
                }

                while (await csv.ReadAsync())
                {
                    var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
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
                return (records.Count, errors);
            }
        }

        if (kind == Awards)
        {
            await CheckAwardsAsync(records, errors, write, cancellationToken);
        }
        else
        {
            await CheckParticipationAsync(records, errors, write, cancellationToken);
        }

        return (records.Count, errors);
    }

    private async Task CheckAwardsAsync(List<(int Line, Dictionary<string, string> Fields)> records, List<ImportError> errors, bool write, CancellationToken cancellationToken)
    {
        var countries = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var slugs = records.Select(r => r.Fields["Course"]).Where(s => s.Length > 0).Distinct().ToList();
        var courses = await db.Activities.AsNoTracking().Where(a => slugs.Contains(a.Slug)).ToDictionaryAsync(a => a.Slug, a => a.Id, cancellationToken);
        foreach (var (line, f) in records)
        {
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

            Gender? gender = null;
            if (f["Gender"].Length > 0)
            {
                if (Enum.TryParse<Gender>(f["Gender"], ignoreCase: true, out var g) && Enum.IsDefined(g) && !char.IsDigit(f["Gender"][0]))
                {
                    gender = g;
                }
                else
                {
                    Error("Gender", "StaffEnt_Import_OneOf", string.Join(", ", Enum.GetNames<Gender>()));
                }
            }

            if (!countries.TryGetValue(f["Country"], out var countryId))
            {
                Error("Country", "StaffEnt_Import_UnknownCountry");
            }

            int? activityId = null;
            if (f["Course"].Length > 0)
            {
                if (courses.TryGetValue(f["Course"], out var id))
                {
                    activityId = id;
                }
                else
                {
                    Error("Course", "StaffEnt_Import_UnknownActivity");
                }
            }
            else if (f["ProgrammeName"].Length == 0)
            {
                Error("ProgrammeName", "StaffEnt_Validation_CourseNeeded");
            }

            if (f["ProgrammeName"].Length > 300)
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

            if (write && errors.Count == 0)
            {
                db.ScholarshipAwards.Add(new ScholarshipAward
                {
                    RecipientName = name, Gender = gender, CountryId = countryId, ActivityId = activityId, ProgrammeName = f["ProgrammeName"].Length > 0 ? f["ProgrammeName"] : null,
                    AmountUsd = amount!.Value, AwardedOn = awardedOn,
                });
            }
        }
    }

    private async Task CheckParticipationAsync(List<(int Line, Dictionary<string, string> Fields)> records, List<ImportError> errors, bool write, CancellationToken cancellationToken)
    {
        var slugs = records.Select(r => r.Fields["Activity"]).Where(s => s.Length > 0).Distinct().ToList();
        var activities = await db.Activities.Where(a => slugs.Contains(a.Slug)).ToDictionaryAsync(a => a.Slug, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, f) in records)
        {
            void Error(string column, string key, params object[] args) =>
                errors.Add(new ImportError(line, column, string.Format(CultureInfo.CurrentCulture, text[key].Value, args)));

            var slug = f["Activity"];
            if (!activities.TryGetValue(slug, out var activity))
            {
                Error("Activity", "StaffEnt_Import_UnknownActivity");
            }
            else if (!seen.Add(slug))
            {
                Error("Activity", "StaffEnt_Import_Twice");
            }
            else if (activity.StartsAtUtc > now)
            {
                Error("Activity", "StaffEnt_Import_NotHistorical");
            }

            var participants = Count(f["ReportedParticipants"], "ReportedParticipants", 1_000_000);
            var memberStates = Count(f["ReportedMemberStates"], "ReportedMemberStates", 200);
            if (f["ReportedParticipants"].Length == 0 && f["ReportedMemberStates"].Length == 0)
            {
                Error("ReportedParticipants", "StaffEnt_Import_TotalsNeeded");
            }

            if (write && errors.Count == 0)
            {
                activity!.ReportedParticipants = participants ?? activity.ReportedParticipants;
                activity.ReportedMemberStates = memberStates ?? activity.ReportedMemberStates;
            }

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
