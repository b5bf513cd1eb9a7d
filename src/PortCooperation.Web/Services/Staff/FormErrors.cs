namespace PortCooperation.Web.Services.Staff;

/// <summary>
/// The errors of one posted form, field key → messages, as a service sees and fills them: it starts with what the
/// input's own attributes refused (so a rule can skip a field already wrong), and records what the service adds or
/// rewords, so the controller can hand exactly that back to the page. Keys are the form's field names
/// (<c>Ends</c>, <c>Countries[12].Participants</c>).
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, Field> _fields = new(StringComparer.Ordinal);

    /// <summary>A form with the errors found before the service ran (field key → messages).</summary>
    public FormErrors(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>>? existing = null)
    {
        foreach (var (key, messages) in existing ?? [])
        {
            if (messages.Count > 0)
            {
                _fields[key] = new Field([.. messages], messages.Count);
            }
        }
    }

    public bool IsValid => _fields.Count == 0;

    /// <summary>Whether the field has an error (from its attributes or from the service).</summary>
    public bool IsInvalid(string key) => _fields.ContainsKey(key);

    /// <summary>The fields that have errors, in the order they were found.</summary>
    public IEnumerable<string> Keys => _fields.Keys;

    public IReadOnlyList<string> this[string key] => _fields.TryGetValue(key, out var field) ? field.Messages : [];

    public void Add(string key, string message)
    {
        if (_fields.TryGetValue(key, out var field))
        {
            field.Messages.Add(message);
        }
        else
        {
            _fields[key] = new Field([message], 0);
        }
    }

    /// <summary>Puts <paramref name="message"/> in place of the field's errors (e.g. a clearer wording of a refused number).</summary>
    public void Replace(string key, string message) => _fields[key] = new Field([message], 0) { Replaced = true };

    /// <summary>
    /// What the service changed, for the page: per field whether its earlier errors are to be dropped, and the
    /// messages to add (earlier errors are not repeated).
    /// </summary>
    public IEnumerable<(string Key, bool Replaced, IReadOnlyList<string> Added)> Changes =>
        _fields.Where(f => f.Value.Replaced || f.Value.Messages.Count > f.Value.Existing)
            .Select(f => (f.Key, f.Value.Replaced, (IReadOnlyList<string>)f.Value.Messages[f.Value.Existing..]));

    private sealed record Field(List<string> Messages, int Existing)
    {
        public bool Replaced { get; init; }
    }
}
