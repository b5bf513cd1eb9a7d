namespace PortCooperation.Web.Domain;

/// <summary>
/// One attendance report imported for an activity, known by the SHA-256 of its bytes. The people it recorded lose
/// their name and e-mail to the retention job; this row (which names no one) still tells a second import of the same
/// file that its people are already counted.
/// </summary>
public class AttendanceImport
{
    public int Id { get; set; }

    public int ActivityId { get; set; }

    public Activity? Activity { get; set; }

    /// <summary>SHA-256 of the uploaded file, 64 lower-case hex digits.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>The file's name as uploaded (for staff to recognise it).</summary>
    public string FileName { get; set; } = "";

    /// <summary>How many participants the file listed (hosts and panelists left out).</summary>
    public int People { get; set; }

    public DateTime ImportedAtUtc { get; set; }
}
