using Microsoft.AspNetCore.Mvc;

namespace PortCooperation.Web.Models.Analytics;

/// <summary>The consent form: accept or decline the analytics cookie, then go back where the visitor was.</summary>
public sealed class ConsentInput
{
    public const string Accept = "accept";
    public const string Decline = "decline";

    [FromForm(Name = "choice")]
    public string? Choice { get; set; }

    [FromForm(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }
}

public sealed class ConsentPageModel
{
    public string? ReturnUrl { get; init; }

    /// <summary>The visitor's current choice (accept/decline), or null when they have not chosen.</summary>
    public string? Choice { get; init; }

    /// <summary>What the consent form posts: it names the form's fields.</summary>
    public ConsentInput Input { get; } = new();
}
