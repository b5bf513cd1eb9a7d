using System.Globalization;
using System.Resources;
using PortCooperation.Web.Resources;

namespace PortCooperation.Web.Services.Mail;

/// <summary>UI strings in a language chosen by the mail's recipient, not by the current request.</summary>
public sealed class MailText(string language)
{
    private static readonly ResourceManager _resources = new(typeof(SharedResource));

    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(language == "es" ? "es" : "en");

    public string this[string key] => _resources.GetString(key, Culture) ?? key;

    public string Format(string key, params object[] arguments) => string.Format(Culture, this[key], arguments);
}
