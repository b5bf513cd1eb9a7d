using System.Text;
using PortCooperation.Web.Services.Registrations;

namespace PortCooperation.Web.Services.Staff;

/// <summary>One participant read from an attendance report: the line it starts on, the name and the normalised e-mail.</summary>
public sealed record AttendanceEntry(int Line, string? Name, string Email);

/// <summary>A line of the report that could not be used, with the resource key of the reason.</summary>
public sealed record AttendanceLineError(int Line, string ReasonKey, string? Value);

/// <summary>
/// Reads the attendance or participant report of Zoom, Webex or Microsoft Teams (or any CSV with an e-mail column).
/// The exports differ: Zoom writes UTF-8 with a comma, a "Meeting ID, Topic, … User Email" block about the meeting
/// and then "Name (original name), User email, Join time, …" (webinar reports add sections such as "Host Details" and
/// "Attendee Details" with an "Attended" Yes/No column); Teams writes UTF-16 with tabs, a "1. Summary" block, then
/// "2. Participants" with "Name, First Join, Last Leave, In-Meeting Duration, Email, Participant ID (UPN), Role" and a
/// "3. In-Meeting Activities" block repeating each join; Webex writes "Name/Display name, Email, …" (often tab
/// separated, UTF-16). So the reader detects the encoding from the byte-order mark, the separator of each line, and
/// takes every line that names an e-mail column as the header of the section below it. Sections about the meeting
/// itself are skipped, a participant listed twice counts once, and rows marked "Attended: No" are left out.
/// </summary>
public sealed class AttendanceFile
{
    public const long MaxBytes = 5 * 1024 * 1024;

    private static readonly string[] _emailHeaders =
        ["email", "e-mail", "user email", "attendee email", "email address", "e-mail address", "participant email", "correo", "correo electrónico", "correo electronico", "participant id (upn)", "upn"];

    private static readonly string[] _nameHeaders =
        ["name", "name (original name)", "user name (original name)", "full name", "display name", "attendee name", "participant name", "user name", "nombre", "nombre (nombre original)"];

    private static readonly string[] _meetingHeaders = ["meeting id", "topic", "id de reunión", "tema", "meeting title", "webinar id"];

    public List<AttendanceEntry> Entries { get; } = [];

    public List<AttendanceLineError> Errors { get; } = [];

    /// <summary>Rows of people the report says did not attend (Zoom/Webex "Attended: No").</summary>
    public int NotAttended { get; private set; }

    /// <summary>Whether any line named an e-mail column.</summary>
    public bool HasHeader { get; private set; }

    public static async Task<AttendanceFile> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var text = await reader.ReadToEndAsync(cancellationToken);
        return Parse(text);
    }

    public static AttendanceFile Parse(string text)
    {
        var file = new AttendanceFile();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Section? section = null;
        foreach (var (line, cells) in Records(text.TrimStart('\uFEFF')))
        {
            var filled = cells.Count(c => c.Length > 0);
            if (filled == 0)
            {
                continue;
            }

            var header = Section.TryRead(cells);
            if (header is not null)
            {
                section = header;
                file.HasHeader = true;
                continue;
            }

            // Section titles ("2. Participants", "Attendee Details") and lines before any header.
            if (section is null || filled == 1 && (section.Email >= cells.Count || cells[section.Email].Length == 0))
            {
                continue;
            }

            if (section.IsAboutMeeting)
            {
                continue;
            }

            if (section.Attended is { } attendedColumn && attendedColumn < cells.Count && IsNo(cells[attendedColumn]))
            {
                file.NotAttended++;
                continue;
            }

            var email = section.Email < cells.Count ? cells[section.Email] : "";
            if (email.Length == 0)
            {
                file.Errors.Add(new AttendanceLineError(line, "RegStaff_Import_NoEmail", section.Name is { } n && n < cells.Count ? cells[n] : null));
                continue;
            }

            if (!IsAddress(email))
            {
                file.Errors.Add(new AttendanceLineError(line, "RegStaff_Import_BadEmail", email));
                continue;
            }

            var normalised = EmailAddresses.Normalise(email);
            if (seen.Add(normalised))
            {
                file.Entries.Add(new AttendanceEntry(line, section.Name is { } nameColumn && nameColumn < cells.Count ? cells[nameColumn] : null, normalised));
            }
        }

        return file;
    }

    private static bool IsNo(string value) => value.Trim().ToLowerInvariant() is "no" or "n" or "false" or "0";

    private static bool IsAddress(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < value.Length - 1 && value.IndexOf('@', at + 1) < 0 && !value.Any(char.IsWhiteSpace) && value.Length <= 320;
    }

    /// <summary>The columns of one section of the report.</summary>
    private sealed record Section(int Email, int? Name, int? Attended, bool IsAboutMeeting)
    {
        public static Section? TryRead(List<string> cells)
        {
            var names = cells.Select(c => c.Trim().ToLowerInvariant()).ToList();
            var email = -1;
            foreach (var candidate in _emailHeaders)
            {
                email = names.IndexOf(candidate);
                if (email >= 0)
                {
                    break;
                }
            }

            if (email < 0)
            {
                return null;
            }

            int? name = null;
            foreach (var candidate in _nameHeaders)
            {
                var index = names.IndexOf(candidate);
                if (index >= 0)
                {
                    name = index;
                    break;
                }
            }

            var attended = names.IndexOf("attended") is var a and >= 0 ? a : names.IndexOf("asistió") is var b and >= 0 ? b : (int?)null;
            return new Section(email, name, attended, names.Any(_meetingHeaders.Contains));
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
            var separator = firstLine.Contains('\t', StringComparison.Ordinal) ? '\t'
                : firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
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
