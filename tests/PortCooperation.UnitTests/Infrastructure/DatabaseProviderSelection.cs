using PortCooperation.Web.Infrastructure;

namespace PortCooperation.UnitTests.Infrastructure;

public class DatabaseProviderSelection
{
    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("sqlite", DatabaseProvider.Sqlite)]
    [InlineData("PostgreSQL", DatabaseProvider.PostgreSql)]
    [InlineData(" postgres ", DatabaseProvider.PostgreSql)]
    [InlineData("Npgsql", DatabaseProvider.PostgreSql)]
    [InlineData("SqlServer", DatabaseProvider.SqlServer)]
    [InlineData("mssql", DatabaseProvider.SqlServer)]
    public void ParseProvider_AcceptsKnownNames(string? value, DatabaseProvider expected) =>
        DatabaseServiceCollectionExtensions.ParseProvider(value).ShouldBe(expected);

    [Fact]
    public void ParseProvider_UnknownName_SaysWhichSettingToFix()
    {
        var ex = Should.Throw<StartupConfigurationException>(() => DatabaseServiceCollectionExtensions.ParseProvider("Oracle"));
        ex.Message.ShouldContain("Database__Provider");
        ex.Message.ShouldContain("'Oracle'");
    }
}
