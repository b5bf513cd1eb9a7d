using System.Text;
using PortCooperation.Web.Services.Registrations;

namespace PortCooperation.Web.Services.Staff;

/// <summary>
/// One participant read from an attendance report: the line it starts on, the name, the normalised e-mail, and
/// organisation and country as written when the report has them; <see cref="File"/> names the uploaded file.
/// </summary>
public sealed record AttendanceEntry(int Line, string? Name, string Email, string? Organisation = null, string? Country = null)
{
    public string? File { get; init; }
}

/// <summary>A line of the report that could not be used, with the resource key of the reason.</summary>
public sealed record AttendanceLineError(int Line, string ReasonKey, string? Value)
{
    public string? File { get; init; }
}

/// <summary>
/// Reads the attendance or participant report of Zoom, Webex or Microsoft Teams (or any CSV with an e-mail column).
/// The exports differ: Zoom writes UTF-8 with a comma, a "Meeting ID, Topic, … User Email" block about the meeting
/// (that e-mail is the host's) and then "Name (original name), User email, Join time, …"; its webinar reports have
/// sections "Host Details", "Panelist Details" and "Attendee Details" with an "Attended" Yes/No column, first and last
/// names and "Country/Region Name"; Teams writes UTF-16 with tabs, a "1. Summary" block, then "2. Participants" with
/// "Name, First Join, Last Leave, In-Meeting Duration, Email, Participant ID (UPN), Role" and a "3. In-Meeting
/// Activities" block repeating each join; Webex writes "Name/Display name, Email, …". So the reader decodes by the
/// byte-order mark (else UTF-8, else Windows-1252), finds the separator of each line, and takes every line that names
/// an e-mail column as the header of the section below it. Sections about the meeting itself are skipped, a
/// participant listed twice counts once, rows marked "Attended: No" are left out, and so are the people who ran the
/// session: the host of the meeting block, the host and panelist sections, and a role column saying host, co-host,
/// panelist, organizer or presenter.
/// </summary>
public sealed class AttendanceFile
{
    public const long MaxBytes = 5 * 1024 * 1024;

    private static readonly string[] _emailHeaders =
        ["email", "e-mail", "user email", "attendee email", "email address", "e-mail address", "participant email", "correo", "correo electrónico", "correo electronico", "participant id (upn)", "upn"];

    private static readonly string[] _nameHeaders =
        ["name", "name (original name)", "user name (original name)", "full name", "fullname", "display name", "attendee name", "participant name", "user name", "nombre", "nombre (nombre original)", "nombre completo"];

    private static readonly string[] _meetingHeaders = ["meeting id", "topic", "id de reunión", "tema", "meeting title", "webinar id"];

    private static readonly string[] _countryHeaders = ["country/region name", "country/region", "country", "country name", "país", "pais", "país/región", "pais/region"];

    private static readonly string[] _organisationHeaders =
        ["organization", "organisation", "company", "company name", "institution", "organización", "organizacion", "empresa", "institución", "institucion", "entidad"];

    private static readonly string[] _roleHeaders = ["role", "participant role", "rol", "función"];

    /// <summary>Roles of the people who ran the session, as the platforms write them in English and Spanish.</summary>
    private static readonly string[] _staffRoles =
        ["host", "co-host", "cohost", "alternative host", "panelist", "panellist", "organizer", "organiser", "co-organizer", "co-organiser", "presenter",
            "anfitrión", "anfitrion", "coanfitrión", "coanfitrion", "panelista", "organizador", "coorganizador", "moderador", "presentador", "ponente"];

    public List<AttendanceEntry> Entries { get; } = [];

    public List<AttendanceLineError> Errors { get; } = [];

    /// <summary>The people who ran the session (hosts, panelists, organizers, presenters): left out, listed in the preview.</summary>
    public List<AttendanceEntry> Staff { get; } = [];

    /// <summary>Rows of people the report says did not attend (Zoom/Webex "Attended: No").</summary>
    public int NotAttended { get; private set; }

    /// <summary>Whether any line named an e-mail column.</summary>
    public bool HasHeader { get; private set; }

    /// <summary>The uploaded file's name (set by <see cref="FromUpload"/>); every entry and error carries it too.</summary>
    public string? FileName { get; private set; }

    /// <summary>SHA-256 of the uploaded bytes, lower-case hex (set by <see cref="FromUpload"/>).</summary>
    public string? Sha256 { get; private set; }

    /// <summary>The uploaded files this one was read from: itself, or each file of <see cref="Combine"/>.</summary>
    public IReadOnlyList<AttendanceFile> Parts { get; private set; } = [];

    public static async Task<AttendanceFile> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return Parse(UploadedText.Decode(buffer.ToArray()));
    }

    /// <summary>Reads one uploaded file and marks what it holds with its name and the hash of its bytes.</summary>
    public static AttendanceFile FromUpload(string fileName, byte[] content)
    {
        var file = Parse(UploadedText.Decode(content));
        file.FileName = fileName;
        file.Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        for (var i = 0; i < file.Entries.Count; i++)
        {
            file.Entries[i] = file.Entries[i] with { File = fileName };
        }

        for (var i = 0; i < file.Staff.Count; i++)
        {
            file.Staff[i] = file.Staff[i] with { File = fileName };
        }

        for (var i = 0; i < file.Errors.Count; i++)
        {
            file.Errors[i] = file.Errors[i] with { File = fileName };
        }

        return file;
    }

    /// <summary>Reads several reports of one session (e.g. Zoom and Teams) as one: a person in both counts once.</summary>
    public static AttendanceFile Combine(IReadOnlyList<AttendanceFile> files)
    {
        if (files.Count == 1)
        {
            return files[0];
        }

        var combined = new AttendanceFile { HasHeader = files.Any(f => f.HasHeader), NotAttended = files.Sum(f => f.NotAttended), Parts = [.. files.SelectMany(f => f.Parts)] };
        var staff = files.SelectMany(f => f.Staff).Select(e => e.Email).ToHashSet(StringComparer.Ordinal);
        combined.Staff.AddRange(files.SelectMany(f => f.Staff).DistinctBy(e => e.Email));
        foreach (var entry in files.SelectMany(f => f.Entries).Where(e => !staff.Contains(e.Email)))
        {
            combined.Add(entry);
        }

        combined.Errors.AddRange(files.SelectMany(f => f.Errors));
        return combined;
    }

    public static AttendanceFile Parse(string text)
    {
        var file = new AttendanceFile();
        file.Parts = [file];
        var staff = new List<AttendanceEntry>();
        Section? section = null;
        string? title = null;
        foreach (var (line, cells) in Records(text.TrimStart('\uFEFF')))
        {
            var filled = cells.Count(c => c.Length > 0);
            if (filled == 0)
            {
                continue;
            }

            var header = Section.TryRead(cells, title);
            if (header is not null)
            {
                section = header;
                title = null;
                file.HasHeader = true;
                continue;
            }

            // Section titles ("2. Participants", "Host Details") and lines before any header.
            if (section is null || filled == 1 && (section.Email >= cells.Count || cells[section.Email].Length == 0))
            {
                title = filled == 1 ? cells.First(c => c.Length > 0) : title;
                continue;
            }

            string? Cell(int? column) => column is { } c && c < cells.Count && cells[c].Length > 0 ? cells[c] : null;
            var email = Cell(section.Email) ?? Cell(section.AlternativeEmail) ?? "";
            if (section.IsAboutMeeting)
            {
                // Zoom's meeting block: its "User Email" is the host's.
                if (IsAddress(email))
                {
                    staff.Add(new AttendanceEntry(line, null, EmailAddresses.Normalise(email)));
                }

                continue;
            }

            // An empty "Attended" (the staff area's own registrations export: not marked yet) is not attendance either.
            if (section.Attended is { } attendedColumn && !section.IsStaff && (attendedColumn >= cells.Count || IsNo(cells[attendedColumn]) || cells[attendedColumn].Length == 0))
            {
                file.NotAttended++;
                continue;
            }

            var fullName = string.Join(' ', new[] { Cell(section.FirstName), Cell(section.LastName) }.OfType<string>());
            var name = Cell(section.Name) ?? (fullName.Length > 0 ? fullName : null);
            if (email.Length == 0)
            {
                file.Errors.Add(new AttendanceLineError(line, "RegStaff_Import_NoEmail", name));
                continue;
            }

            if (!IsAddress(email))
            {
                file.Errors.Add(new AttendanceLineError(line, "RegStaff_Import_BadEmail", email));
                continue;
            }

            var entry = new AttendanceEntry(line, name, EmailAddresses.Normalise(email), Cell(section.Organisation), Cell(section.Country));
            if (section.IsStaff || Cell(section.Role) is { } role && _staffRoles.Contains(role.Trim().ToLowerInvariant()))
            {
                staff.Add(entry);
            }
            else
            {
                file.Add(entry);
            }
        }

        var staffEmails = staff.Select(s => s.Email).ToHashSet(StringComparer.Ordinal);
        file.Entries.RemoveAll(e => staffEmails.Contains(e.Email));
        file.Staff.AddRange(staff.Where(s => s.Name is not null || !staff.Any(o => o.Email == s.Email && o.Name is not null)).DistinctBy(s => s.Email));
        return file;
    }

    /// <summary>A person already read (rejoined, or listed again in another section) counts once; what the later line adds fills the gaps.</summary>
    private void Add(AttendanceEntry entry)
    {
        var index = Entries.FindIndex(e => e.Email == entry.Email);
        if (index < 0)
        {
            Entries.Add(entry);
            return;
        }

        var first = Entries[index];
        Entries[index] = first with { Name = first.Name ?? entry.Name, Organisation = first.Organisation ?? entry.Organisation, Country = first.Country ?? entry.Country };
    }

    private static bool IsNo(string value) => value.Trim().ToLowerInvariant() is "no" or "n" or "false" or "0";

    private static bool IsAddress(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < value.Length - 1 && value.IndexOf('@', at + 1) < 0 && !value.Any(char.IsWhiteSpace) && value.Length <= 320;
    }

    /// <summary>The columns of one section of the report; <see cref="IsStaff"/> when its title names hosts or panelists.</summary>
    private sealed record Section(int Email, int? AlternativeEmail, int? Name, int? FirstName, int? LastName, int? Organisation, int? Country, int? Role, int? Attended,
        bool IsAboutMeeting, bool IsStaff)
    {
        public static Section? TryRead(List<string> cells, string? title)
        {
            var names = cells.Select(c => c.Trim().ToLowerInvariant()).ToList();
            int? Find(IEnumerable<string> candidates) => candidates.Select(c => names.IndexOf(c)).FirstOrDefault(i => i >= 0, -1) is var i and >= 0 ? i : null;
            if (Find(_emailHeaders) is not { } email)
            {
                return null;
            }

            var alternative = Find(["participant id (upn)", "upn"]);
            var heading = title?.Trim().ToLowerInvariant() ?? "";
            var isStaff = heading.Contains("host", StringComparison.Ordinal) || heading.Contains("panel", StringComparison.Ordinal)
                || heading.Contains("anfitri", StringComparison.Ordinal) || heading.Contains("organiz", StringComparison.Ordinal);
            return new Section(email, alternative == email ? null : alternative, Find(_nameHeaders), Find(["first name", "nombre de pila"]), Find(["last name", "apellido", "apellidos"]),
                Find(_organisationHeaders), Find(_countryHeaders), Find(_roleHeaders), Find(["attended", "asistió", "asistio"]), names.Any(_meetingHeaders.Contains), isStaff);
        }
    }

    /// <summary>The records of a delimited text (quotes per RFC 4180), each with the line it starts on; the separator is found per line.</summary>
    private static IEnumerable<(int Line, List<string> Cells)> Records(string text)
    {
        var lineNumber = 1;
        var position = 0;
        while (position < text.Length)
        {
            var start = lineNumber;
            var end = text.IndexOf('\n', position);
            var firstLine = end < 0 ? text[position..] : text[position..end];
            var separator = UploadedText.Separator(firstLine);
            var cells = new List<string>();
            var cell = new StringBuilder();
            var quoted = false;
            for (; position < text.Length; position++)
            {
                var c = text[position];
                if (quoted)
                {
                    if (c == '"')
                    {
                        if (position + 1 < text.Length && text[position + 1] == '"')
                        {
                            cell.Append('"');
                            position++;
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            lineNumber++;
                        }

                        cell.Append(c);
                    }
                }
                else if (c == '"' && cell.ToString().Trim().Length == 0)
                {
                    cell.Clear();
                    quoted = true;
                }
                else if (c == separator)
                {
                    cells.Add(cell.ToString().Trim());
                    cell.Clear();
                }
                else if (c == '\n')
                {
                    position++;
                    break;
                }
                else if (c != '\r')
                {
                    cell.Append(c);
                }
            }

            cells.Add(cell.ToString().Trim());
            lineNumber++;
            yield return (start, cells);
        }
    }
}
