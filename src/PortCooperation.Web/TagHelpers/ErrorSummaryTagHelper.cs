using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PortCooperation.Web.TagHelpers;

/// <summary>
/// The list of a form's errors above it (the GOV.UK pattern): a heading, then each message linked to its field's
/// id; an error of the whole form (model state key "") is listed without a link. The markup is in the
/// <c>_ErrorSummary</c> partial. Nothing is written while the form has no error.
/// </summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper(IHtmlHelper html) : TagHelper
{
    /// <summary>The fields in page order; only these are listed. Without it, every error in model state order.</summary>
    public IEnumerable<string>? Fields { get; set; }

    /// <summary>The input the form posts: errors are listed in the order of its properties.</summary>
    public Type? InputType { get; set; }

    /// <summary>Where a field's message links to when not to the field's id (a radio group: its first option).</summary>
    [HtmlAttributeName(DictionaryAttributePrefix = "link-")]
    public IDictionary<string, string> Links { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        var look = FormNames.LookOf(ViewContext);
        var modelState = ViewContext.ViewData.ModelState;
        IEnumerable<(string Field, IReadOnlyList<string> Messages)> entries = modelState
            .Where(e => e.Value!.Errors.Count > 0)
            .Select(e => (e.Key, (IReadOnlyList<string>)e.Value!.Errors.Select(x => x.ErrorMessage).ToList()));
        if (Fields is not null)
        {
            var fields = Fields.ToList();
            entries = entries.Where(e => fields.Contains(e.Field)).OrderBy(e => fields.IndexOf(e.Field));
        }
        else if (InputType is not null)
        {
            var order = InputType.GetProperties().Select(p => p.Name).ToList();
            entries = entries.OrderBy(e => order.IndexOf(e.Field.Split('[', '.')[0]));
        }

        // Staff forms show one message per field, as beside the field; the other forms every message.
        var items = entries
            .SelectMany(e => (look == FormLook.Staff ? e.Messages.Take(1) : e.Messages).Select(message =>
                new ErrorSummaryItem(e.Field.Length == 0 ? null : Links.TryGetValue(e.Field, out var link) ? link : FormNames.IdOf(look, e.Field), message)))
            .ToList();
        if (items.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        ((IViewContextAware)html).Contextualize(ViewContext);
        output.Content.SetHtmlContent(await html.PartialAsync("_ErrorSummary", new ErrorSummary(look, items)));
    }
}

public sealed record ErrorSummaryItem(string? Target, string Message);

public sealed record ErrorSummary(FormLook Look, IReadOnlyList<ErrorSummaryItem> Items);
