using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace PortCooperation.Web.TagHelpers;

/// <summary>
/// The three looks of the portal's forms: the public pages (registration, self-service), the sign-in pages and the
/// staff area. The field and the error summary are the same everywhere; only classes, ids and markers differ.
/// </summary>
public enum FormLook
{
    Public,
    SignIn,
    Staff,
}

/// <summary>What one form tells its fields: where their labels come from and what a colleague saved meanwhile.</summary>
public sealed class FormSettings
{
    private const string Key = "PortCooperation.FormSettings";

    /// <summary>The look, when not the one of the page's area (the staff invitation form looks like the sign-in forms).</summary>
    public FormLook? Look { get; init; }

    /// <summary>Resource key prefix of the labels (<c>{prefix}{Field}</c>) of fields that bring no label of their own.</summary>
    public string LabelPrefix { get; init; } = "";

    /// <summary>The saved values of a refused stale save, by field name.</summary>
    public IReadOnlyDictionary<string, string> Conflicts { get; init; } = new Dictionary<string, string>();

    /// <summary>Resource key of the heading above the conflicts of a refused stale save.</summary>
    public string ConflictTitle { get; init; } = "StaffEnt_Conflict_Title";

    public static FormSettings Of(ViewDataDictionary viewData) => viewData[Key] as FormSettings ?? new FormSettings();

    public static void Use(ViewDataDictionary viewData, FormSettings settings) => viewData[Key] = settings;
}

public static class FormNames
{
    /// <summary>
    /// The posted name of a field from its <c>asp-for</c> path. Page models carry the form's input as <c>Input</c> (and
    /// the inputs of a page's smaller side forms as <c>…Input</c>, e.g. <c>StatusInput</c>) and the actions bind that
    /// input without a prefix, so the name is the path below it ("Input.Phases[0].Label" posts as "Phases[0].Label",
    /// the name the model state keys its errors by).
    /// </summary>
    public static string NameOf(string expression)
    {
        var dot = expression.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && expression.AsSpan(0, dot).EndsWith("Input", StringComparison.Ordinal) && !expression.AsSpan(0, dot).Contains('[') ? expression[(dot + 1)..] : expression;
    }

    /// <summary>
    /// The name the model binder reads a property from: the name the property declares (<c>[FromQuery(Name = "q")]</c>
    /// or <c>[BindProperty(Name = …)]</c>; the filter models are flat and bound without a prefix, so that name alone),
    /// else its path below <c>Input</c> (<see cref="NameOf"/>).
    /// </summary>
    public static string BoundNameOf(ModelExpression expression) => expression.Metadata.BinderModelName ?? NameOf(expression.Name);

    /// <summary>The element id of a field: its name on public and sign-in forms, "f-" and the name made id-safe on staff forms.</summary>
    public static string IdOf(FormLook look, string name) =>
        look == FormLook.Staff ? "f-" + name.Replace('[', '-').Replace(']', '-').Replace('.', '-') : name;

    /// <summary>The look of the forms of a page: the form's own, or else by the area the page belongs to.</summary>
    public static FormLook LookOf(ViewContext viewContext) => FormSettings.Of(viewContext.ViewData).Look ?? ((viewContext.RouteData.Values["area"] as string) switch
    {
        "Admin" => FormLook.Staff,
        "Identity" => FormLook.SignIn,
        _ => FormLook.Public,
    });
}
