using PortCooperation.IntegrationTests.Web;

namespace PortCooperation.IntegrationTests.Security;

/// <summary>One app (fresh SQLite file, demo data off) shared by the tests of a class that do not disturb each other.</summary>
public sealed class SharedWebFactory : IDisposable
{
    public WebFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}
