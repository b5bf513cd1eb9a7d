namespace PortCooperation.Web.Areas.Identity.Models;

/// <summary>What the sign-in form posts. Checked in the controller so the messages follow the UI language.</summary>
public sealed class LoginInput
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}
