using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace PortCooperation.Web.Areas.Admin;

/// <summary>One field of a staff form as the _StaffField partial renders it: label, control, error and conflict beside it.</summary>
public sealed record StaffField(
    string Kind, string Name, string Label, string? Value, bool Required = false, string? Lang = null, int Rows = 3,
    IReadOnlyList<SelectListItem>? Options = null, string? Empty = null, string? Error = null, string? Conflict = null,
    IReadOnlySet<string>? Values = null, string? Help = null)
{
    public string Id => StaffForm.IdOf(Name);

    public string? DescribedBy =>
        string.Join(' ', new[] { Help is null ? null : Id + "-help", Error is null ? null : Id + "-error", Conflict is null ? null : Id + "-conflict" }.Where(x => x is not null)) is { Length: > 0 } ids ? ids : null;
}

/// <summary>
/// Builds the fields of a staff form (the record forms under /Admin) from the input's values, the posted values
/// kept in ModelState (so "abc" typed in a number field is shown again), the errors and the conflicts of a stale save.
/// Labels are the resource keys <c>{prefix}{Field}</c>.
/// </summary>
public sealed class StaffForm(ModelStateDictionary modelState, IReadOnlyDictionary<string, string> conflicts, IStringLocalizer text, string prefix, Type inputType)
{
    public static string IdOf(string name) => "f-" + name.Replace('[', '-').Replace(']', '-').Replace('.', '-');

    public IReadOnlyDictionary<string, string> Conflicts => conflicts;

    public string Label(string name) => text[prefix + name].Value;

    /// <summary>(field, first error) in the order of the input model's properties, for the error summary.</summary>
    public IReadOnlyList<(string Field, string Message)> Errors
    {
        get
        {
            var order = inputType.GetProperties().Select(p => p.Name).ToList();
            return [.. modelState.Where(e => e.Value!.Errors.Count > 0)
                .OrderBy(e => order.IndexOf(e.Key.Split('[')[0]))
                .Select(e => (e.Key, e.Value!.Errors[0].ErrorMessage))];
        }
    }

    public StaffField Text(string name, string? value, bool required = false, string? lang = null, string type = "text", string? help = null) =>
        Field(type, name, value, required, lang) with { Help = help };

    public StaffField Number(string name, int? value, bool required = false) => Field("number", name, value?.ToString(CultureInfo.InvariantCulture), required);

    public StaffField Date(string name, DateOnly? value, bool required = false) => Field("date", name, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), required);

    public StaffField Area(string name, string? value, string lang, int rows = 3) => Field("textarea", name, value, false, lang) with { Rows = rows };

    public StaffField Check(string name, bool value) => Field("checkbox", name, value ? "true" : "false", false, null);

    public StaffField Choice(string name, string? value, IReadOnlyList<SelectListItem> options, bool required = false, string? empty = null) =>
        Field("select", name, value, required, null) with { Options = options, Empty = empty };

    public StaffField Checklist(string name, IEnumerable<int> values, IReadOnlyList<SelectListItem> options) =>
        Field("checklist", name, null, false, null) with { Options = options, Values = values.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToHashSet() };

    private StaffField Field(string kind, string name, string? value, bool required, string? lang = null)
    {
        var attempted = modelState.TryGetValue(name, out var entry) && entry.AttemptedValue is not null && kind is not ("checkbox" or "checklist")
            ? entry.AttemptedValue
            : value;
        var error = entry?.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
        var conflict = conflicts.TryGetValue(name, out var saved) ? saved : null;
        return new StaffField(kind, name, Label(name), attempted, required, lang, Error: error, Conflict: conflict);
    }
}
