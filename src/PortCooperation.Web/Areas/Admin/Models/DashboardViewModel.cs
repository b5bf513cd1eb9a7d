namespace PortCooperation.Web.Areas.Admin.Models;

public sealed class DashboardViewModel
{
    public int DraftActivities { get; init; }

    public int DraftDocuments { get; init; }

    public int PendingRegistrations { get; init; }

    public int UndeliveredMails { get; init; }
}
