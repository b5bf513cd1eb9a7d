using System.Security.Cryptography;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PortCooperation.Web.Infrastructure.Security;

/// <summary>
/// The per-request nonce named in the Content-Security-Policy header. An inline script runs only when it
/// carries it: <c>&lt;script nonce="@Html.CspNonce()"&gt;</c>, or <c>&lt;script asp-csp-nonce&gt;</c> with the
/// tag helper below (add <c>@addTagHelper *, PortCooperation.Web</c> to _ViewImports).
/// </summary>
public static class CspNonceExtensions
{
    private const string ItemKey = "PortCooperation.CspNonce";

    /// <summary>
    /// The nonce this request's page asked for, or null when nothing on it needed one; the Content-Security-Policy
    /// names a nonce only in the first case (a public page, and any page replayed from the output cache, has no
    /// inline or nonce-carrying script, so it gets the stricter policy without one and no random bytes are drawn).
    /// </summary>
    public static string? UsedCspNonce(this HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var existing) ? existing as string : null;

    /// <summary>The nonce for this request, created on first use (16 random bytes, base64).</summary>
    public static string GetCspNonce(this HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var existing) && existing is string nonce)
        {
            return nonce;
        }

        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[ItemKey] = nonce;
        return nonce;
    }

    public static IHtmlContent CspNonce(this IHtmlHelper html) =>
        new HtmlString(html.ViewContext.HttpContext.GetCspNonce());
}

/// <summary>Adds <c>nonce="…"</c> to a script element marked with <c>asp-csp-nonce</c>.</summary>
[HtmlTargetElement("script", Attributes = AttributeName)]
public sealed class CspNonceTagHelper(IHttpContextAccessor accessor) : TagHelper
{
    private const string AttributeName = "asp-csp-nonce";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll(AttributeName);
        if (accessor.HttpContext is { } httpContext)
        {
            output.Attributes.SetAttribute("nonce", httpContext.GetCspNonce());
        }
    }
}
