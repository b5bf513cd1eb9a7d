using Microsoft.AspNetCore.Mvc;
using PortCooperation.Web.Services.Staff;

namespace PortCooperation.Web.Areas.Admin.Models;

/// <summary>The registrations screen's POSTs: the selected rows, the list's state to return to, and the action's own values.</summary>
public sealed class RegistrationActionInput
{
    /// <summary>Rows ticked in the selection column (approve/reject).</summary>
    public List<int> Selected { get; set; } = [];

    /// <summary>Rows shown on the page (attendance is saved for these only).</summary>
    public List<int> Shown { get; set; } = [];

    /// <summary>Rows ticked in the attendance column.</summary>
    public List<int> Attended { get; set; } = [];

    /// <summary>"approve" or "reject".</summary>
    public string? Decision { get; set; }

    public string? Message { get; set; }

    public string? Status { get; set; }

    public string? Q { get; set; }

    public int Page { get; set; } = 1;
}

/// <summary>The attendance import's input: the uploaded reports, then the kept preview (ADR 0007) and the files' names, by the names the forms have always posted.</summary>
public sealed class AttendanceImportInput
{
    [ModelBinder(Name = "file")]
    public List<IFormFile>? Files { get; set; }

    [ModelBinder(Name = "token")]
    public string? Token { get; set; }

    [ModelBinder(Name = "hash")]
    public string? Hash { get; set; }

    [ModelBinder(Name = "name")]
    public List<string>? Names { get; set; }
}

public sealed class AttendanceImportPage
{
    /// <summary>What the upload and confirmation forms post: it names their fields.</summary>
    public AttendanceImportInput Input { get; } = new();

    public required RegistrationActivity Activity { get; init; }

    public AttendancePreview? Preview { get; init; }

    public string? FileName { get; init; }

    /// <summary>Each uploaded file's name, in order, posted back by the confirmation (a row names its file).</summary>
    public IReadOnlyList<string> FileNames { get; init; } = [];

    public string? Error { get; init; }

    /// <summary>The kept files of the preview (ADR 0007), posted back by the confirmation.</summary>
    public string? Token { get; init; }

    public string? Hash { get; init; }
}

/// <summary>The custom message form: the group (status filter and search) and the staff's text.</summary>
public sealed class CustomMessageInput
{
    public string? Status { get; set; }

    public string? Q { get; set; }

    public string? Subject { get; set; }

    public string? Body { get; set; }

    /// <summary>Generated when the form is shown; a second submission of the same form queues nothing again.</summary>
    public Guid SendId { get; set; }
}

public sealed class CustomMessagePage
{
    public required RegistrationActivity Activity { get; init; }

    public required CustomMessageInput Input { get; init; }

    public int Recipients { get; init; }

    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    /// <summary>The group chooser's GET, the registrations list's filter (status and search).</summary>
    public RegistrationListFilter Group => new() { Status = Input.Status, Q = Input.Q };
}

/// <summary>The CSV import screen: which import, the activity chosen for rows that name none, and the activities to choose from.</summary>
public sealed record ImportPage(string Kind, int? ActivityId, IReadOnlyList<(int Id, string Label)> Activities)
{
    /// <summary>What the form posts: it names its fields.</summary>
    public ImportInput Input { get; } = new();
}
