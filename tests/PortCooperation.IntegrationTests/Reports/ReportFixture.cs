using PortCooperation.IntegrationTests.Web;

namespace PortCooperation.IntegrationTests.Reports;

/// <summary>One app with the demo data of the two source documents ON, shared by the report tests (they only read).</summary>
public sealed class DemoDataFactory : IAsyncLifetime
{
    public WebFactory Factory { get; } = new(settings: new Dictionary<string, string?> { ["Database:SeedDemoData"] = "true" });

    public HttpClient Staff { get; private set; } = null!;

    public async Task InitializeAsync() => Staff = await Factory.StaffClientAsync();

    public Task DisposeAsync()
    {
        Staff.Dispose();
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
