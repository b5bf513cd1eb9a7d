namespace PortCooperation.Web.Infrastructure;

/// <summary>
/// The folder for everything the app writes: the SQLite file, uploads, mail pickup, logs.
/// <c>Data:Directory</c> sets it; by default it is <c>App_Data</c> under the content root.
/// </summary>
public static class DataDirectory
{
    public static string Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Data:Directory"];
        var path = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(environment.ContentRootPath, "App_Data")
            : Path.GetFullPath(configured, environment.ContentRootPath);
        Directory.CreateDirectory(path);
        return path;
    }
}
