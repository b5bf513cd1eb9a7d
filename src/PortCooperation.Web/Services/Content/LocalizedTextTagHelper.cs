using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Resources;

namespace PortCooperation.Web.Services.Content;

/// <summary>
/// Renders a <see cref="LocalizedText"/>: plain text when it is in the reader's language; otherwise the text in a
/// <c>span</c> with its own <c>lang</c> and a visible marker in the reader's language, e.g. "(en inglés)".
/// Usage: <c>&lt;localized-text value="Model.Title" /&gt;</c>.
/// </summary>
[HtmlTargetElement("localized-text", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LocalizedTextTagHelper(IStringLocalizer<SharedResource> localizer, HtmlEncoder encoder) : TagHelper
{
    public LocalizedText Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        if (Value.IsEmpty)
        {
            output.SuppressOutput();
            return;
        }

        if (!Value.IsFallback)
        {
            output.Content.SetContent(Value.Text);
            return;
        }

        var marker = localizer[$"Content_FallbackMarker_{Value.Language}"];
        output.Content.SetHtmlContent(
            $"<span lang=\"{encoder.Encode(Value.Language)}\">{encoder.Encode(Value.Text)}</span> " +
            $"<span class=\"fallback-marker\">{encoder.Encode(marker)}</span>");
    }
}
