namespace PortCooperation.Web.Areas.Identity.Models;

/// <summary>What the accept-invitation and reset-password forms post: the link's account and token, and the new password.</summary>
public sealed class SetPasswordInput
{
    public string? User { get; set; }

    public string? Token { get; set; }

    public string? Password { get; set; }

    public string? ConfirmPassword { get; set; }
}

/// <summary>The set-password page: the form, and whose account it is.</summary>
public sealed class SetPasswordPage
{
    public required SetPasswordInput Input { get; init; }

    public required string Email { get; init; }

    /// <summary>"Invitation" or "Reset": which page (title, texts, form target).</summary>
    public required string Kind { get; init; }
}

/// <summary>What the forgotten-password form posts.</summary>
public sealed class ForgotPasswordInput
{
    public string? Email { get; set; }
}
