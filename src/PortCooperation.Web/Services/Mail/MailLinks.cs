using Microsoft.Extensions.Options;
using PortCooperation.Web.Areas.Admin.Controllers;
using PortCooperation.Web.Areas.Identity.Controllers;
using PortCooperation.Web.Controllers;
using ActivitiesController = PortCooperation.Web.Controllers.ActivitiesController;

namespace PortCooperation.Web.Services.Mail;

/// <summary>
/// The absolute links written into mails and calendar files. The path comes from the app's routes, so a renamed
/// route moves the links with it; the scheme, host and any path prefix come from <c>Mail:PublicBaseUrl</c>, since
/// mails are written by background jobs with no request to take them from. A link no route produces throws rather
/// than going out dead.
/// </summary>
public sealed class MailLinks(LinkGenerator links, IOptions<MailOptions> options)
{
    /// <summary>The public page of an activity.</summary>
    public string Activity(string slug) =>
        Absolute(nameof(ActivitiesController.Details), Name<ActivitiesController>(), new RouteValueDictionary { ["slug"] = slug });

    /// <summary>The registrant's private self-service page.</summary>
    public string Registration(string accessToken) =>
        Absolute(nameof(SelfServiceController.Show), Name<SelfServiceController>(), new RouteValueDictionary { ["token"] = accessToken });

    /// <summary>The page where an invited colleague sets a password.</summary>
    public string InvitationAcceptance(string userId, string token) =>
        Absolute(nameof(InvitationController.Accept), Name<InvitationController>(), new RouteValueDictionary { ["area"] = "Identity", ["user"] = userId, ["token"] = token });

    /// <summary>The page where a forgotten password is replaced.</summary>
    public string PasswordReset(string userId, string token) =>
        Absolute(nameof(PasswordController.Reset), Name<PasswordController>(), new RouteValueDictionary { ["area"] = "Identity", ["user"] = userId, ["token"] = token });

    /// <summary>The staff report screen; <paramref name="query"/> in the order it should appear in the link.</summary>
    public string Report(IEnumerable<KeyValuePair<string, string?>> query)
    {
        var values = new RouteValueDictionary { ["area"] = "Admin" };
        foreach (var (key, value) in query)
        {
            values[key] = value;
        }

        return Absolute(nameof(ReportsController.Index), Name<ReportsController>(), values);
    }

    private string Absolute(string action, string controller, RouteValueDictionary values)
    {
        var path = links.GetPathByAction(action, controller, values)
            ?? throw new InvalidOperationException($"No route leads to {controller}.{action}: a mail would carry a dead link.");
        return options.Value.PublicBaseUrl.TrimEnd('/') + path;
    }

    private static string Name<TController>() => typeof(TController).Name[..^"Controller".Length];
}
