using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Resources;

namespace PortCooperation.Web.TagHelpers;

/// <summary>
/// One form field from its <c>asp-for</c> (a renamed property fails the build): label, required or optional
/// marker, hint, the error beside the control (id <c>{id}-error</c>), <c>aria-describedby</c>, <c>aria-invalid</c>,
/// the value as posted (so "abc" typed in a number field is shown again) and, on staff forms, what a colleague
/// saved meanwhile. The markup is in the <c>_FormField</c> partial; <c>type="hidden"</c> gives a bare hidden input.
/// </summary>
[HtmlTargetElement("form-field", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper(IHtmlHelper html, IStringLocalizer<SharedResource> text) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    /// <summary>text, email, url, number, date, datetime-local, password, hidden, textarea, select, checkbox, radio or checklist.</summary>
    public string Type { get; set; } = "text";

    /// <summary>The label; without it, the resource <c>{LabelPrefix}{Name}</c> of the form.</summary>
    public string? Label { get; set; }

    public string? Hint { get; set; }

    public bool Required { get; set; }

    /// <summary>Choices of a select, radio group or checklist; a select's items with a group are shown in optgroups.</summary>
    public IEnumerable<SelectListItem>? Options { get; set; }

    /// <summary>The text of a select's first, empty choice (none when null).</summary>
    public string? Empty { get; set; }

    /// <summary>Radio options whose values are language codes, each marked in its own language.</summary>
    public bool OptionsInTheirLanguage { get; set; }

    /// <summary>Ids of text elsewhere on the page that describes the control, read before the hint and the error.</summary>
    public string? DescribedBy { get; set; }

    /// <summary>Classes added to the control's own.</summary>
    public string? Class { get; set; }

    public string? Lang { get; set; }

    public int Rows { get; set; } = 3;

    public string? Autocomplete { get; set; }

    public string? Maxlength { get; set; }

    public string? Minlength { get; set; }

    public string? Spellcheck { get; set; }

    public string? Inputmode { get; set; }

    public string? Pattern { get; set; }

    public string? Autocapitalize { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var look = FormNames.LookOf(ViewContext);
        var settings = FormSettings.Of(ViewContext.ViewData);
        var name = FormNames.NameOf(For.Name);
        var modelState = ViewContext.ViewData.ModelState;
        modelState.TryGetValue(name, out var entry);
        var value = Format(For.Model);
        if (entry?.AttemptedValue is { } attempted && Type is not ("checkbox" or "checklist" or "password"))
        {
            value = attempted;
        }

        var field = new FormField
        {
            Look = look,
            Control = this,
            Name = name,
            Id = FormNames.IdOf(look, name),
            Label = Label ?? text[settings.LabelPrefix + name].Value,
            Value = Type == "password" ? null : value,
            Values = Type == "checklist" && For.Model is System.Collections.IEnumerable values and not string
                ? values.Cast<object?>().Select(Format).OfType<string>().ToHashSet()
                : new HashSet<string>(),
            Options = Options?.ToList() ?? [],
            Errors = entry?.Errors.Select(e => e.ErrorMessage).ToList() ?? [],
            Conflict = settings.Conflicts.TryGetValue(name, out var saved) ? saved : null,
        };
        ((IViewContextAware)html).Contextualize(ViewContext);
        output.TagName = null;
        output.Content.SetHtmlContent(await html.PartialAsync("_FormField", field));
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>One field as the <c>_FormField</c> partial renders it: what the page asked for (<see cref="Control"/>) and what the request says.</summary>
public sealed class FormField
{
    public FormLook Look { get; init; }
    public required FormFieldTagHelper Control { get; init; }
    public required string Name { get; init; }
    public required string Id { get; init; }
    public required string Label { get; init; }
    public string? Value { get; init; }
    public IReadOnlySet<string> Values { get; init; } = new HashSet<string>();
    public IReadOnlyList<SelectListItem> Options { get; init; } = [];
    public IReadOnlyList<string> Errors { get; init; } = [];
    public string? Conflict { get; init; }

    public string Type => Control.Type;

    public string? Hint => Control.Hint;

    public bool Required => Control.Required;

    public string? Error => Errors.Count > 0 ? Errors[0] : null;

    public bool Invalid => Errors.Count > 0;

    /// <summary>Staff forms have always called their hints "help".</summary>
    public string HintId => Id + (Look == FormLook.Staff ? "-help" : "-hint");

    public string ErrorId => Id + "-error";

    public string OptionId(string value) => Id + "-" + value;

    public bool IsSelected(string? value) => string.Equals(value, Value, StringComparison.OrdinalIgnoreCase);

    /// <summary>Other describing text, then the hint, the error and the colleague's saved value; null when there is none.</summary>
    public string? DescribedBy =>
        string.Join(' ', new[] { Control.DescribedBy, Hint is null ? null : HintId, Invalid ? ErrorId : null, Conflict is null ? null : Id + "-conflict" }
            .OfType<string>()) is { Length: > 0 } ids ? ids : null;
}
