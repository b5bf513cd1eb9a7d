using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PortCooperation.Web.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace PortCooperation.IntegrationTests.Operations;

/// <summary>
/// docker-compose.yml cannot be started here (no container engine), so it is checked by reading it: every
/// environment variable it gives the portal must name a setting the portal really reads, and the services the README
/// promises must be there and wired to each other.
/// </summary>
public sealed class ComposeFileTests
{
    /// <summary>Read by the ASP.NET Core host itself, before any of the portal's code runs.</summary>
    private static readonly HashSet<string> HostSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        "ASPNETCORE_ENVIRONMENT",
        "ASPNETCORE_URLS",
        "ASPNETCORE_HTTP_PORTS",
    };

    [Fact]
    public void EveryVariableGivenToThePortal_NamesASettingThePortalReads()
    {
        foreach (var (service, environment) in PortalServices(LoadCompose()))
        {
            var read = SettingsReadBy(environment);
            var unknown = environment.Keys
                .Where(key => !HostSettings.Contains(key))
                .Where(key => !read.Contains(key.Replace("__", ":", StringComparison.Ordinal)))
                .ToList();
            unknown.ShouldBeEmpty($"service '{service}' sets variables the portal never reads (misspelt or obsolete)");
        }
    }

    [Fact]
    public void TheCheck_CatchesAMisspeltSetting()
    {
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["Mail__SmtpHots"] = "mail",
        };

        var read = SettingsReadBy(environment);

        read.ShouldContain("Database:Provider");
        read.ShouldContain("Mail:SmtpHost");
        read.ShouldNotContain("Mail:SmtpHots");
    }

    [Fact]
    public void ComposeStartsThePortal_PostgreSql_AndAMailCatcherThePortalSendsTo()
    {
        var services = Services(LoadCompose());

        Image(services, "db").ShouldStartWith("postgres:");
        Image(services, "mail").ShouldStartWith("maildev/maildev:");
        Ports(services, "mail").ShouldContain(p => p.StartsWith("1080:", StringComparison.Ordinal), "maildev's page with the caught mails");

        var web = Environment(services, "web");
        // The SQL Server profile's portal sends its mail to the same catcher.
        Environment(services, "web-sqlserver")["Mail__SmtpHost"].ShouldBe("mail");
        Ports(services, "web").ShouldContain(p => p.StartsWith("8080:", StringComparison.Ordinal));
        web["Database__Provider"].ShouldBe("PostgreSQL");
        web["ConnectionStrings__Portal"].ShouldContain("Host=db");
        web["Mail__Transport"].ShouldBe("Smtp");
        web["Mail__SmtpHost"].ShouldBe("mail");
        web["Mail__SmtpPort"].ShouldBe("1025");
        web["Mail__PublicBaseUrl"].ShouldBe("http://localhost:8080");

        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        readme.ShouldContain("docker compose up");
        readme.ShouldContain("http://localhost:1080", customMessage: "README says where the caught mails are seen");
    }

    /// <summary>
    /// The keys the portal reads when it is built with the given environment: the portal's own services are added
    /// to a builder whose configuration records every key asked for, then every options type is bound.
    /// </summary>
    private static HashSet<string> SettingsReadBy(IReadOnlyDictionary<string, string> environment)
    {
        var recorder = new RecordingSource();
        var contentRoot = Directory.CreateTempSubdirectory("portal-compose-check").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment.GetValueOrDefault("ASPNETCORE_ENVIRONMENT", "Production"),
            ContentRootPath = contentRoot,
        });
        builder.Configuration.AddInMemoryCollection(environment
            .Where(e => !HostSettings.Contains(e.Key))
            .Select(e => KeyValuePair.Create(e.Key.Replace("__", ":", StringComparison.Ordinal), (string?)e.Value)));
        builder.Configuration["Data:Directory"] = builder.Environment.ContentRootPath;
        // Added last, so it is asked first for every key.
        builder.Configuration.Sources.Add(recorder);
        builder.AddPortalServices();

        using var app = builder.Build();
        foreach (var optionsType in ConfiguredOptionsTypes(builder.Services))
        {
            var accessor = app.Services.GetRequiredService(typeof(IOptions<>).MakeGenericType(optionsType));
            _ = accessor.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(accessor);
        }

        return recorder.Keys;
    }

    private static IEnumerable<Type> ConfiguredOptionsTypes(IServiceCollection services) =>
        services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Where(t => t.Assembly == typeof(PortalServices).Assembly)
            .Distinct();

    private static YamlMappingNode LoadCompose()
    {
        using var reader = new StreamReader(Path.Combine(RepositoryRoot(), "docker-compose.yml"));
        var yaml = new YamlStream();
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Services(YamlMappingNode compose) => (YamlMappingNode)compose["services"];

    /// <summary>The services that run the portal: built from the Dockerfile at the repository's root.</summary>
    private static List<(string Service, Dictionary<string, string> Environment)> PortalServices(YamlMappingNode compose)
    {
        var services = Services(compose);
        var portal = services.Children
            .Where(s => ((YamlMappingNode)s.Value).Children.TryGetValue("build", out var build) && build is YamlScalarNode { Value: "." })
            .Select(s => (((YamlScalarNode)s.Key).Value!, Environment(services, ((YamlScalarNode)s.Key).Value!)))
            .ToList();
        portal.ShouldNotBeEmpty();
        return portal;
    }

    private static Dictionary<string, string> Environment(YamlMappingNode services, string name)
    {
        var service = (YamlMappingNode)services[name];
        return ((YamlMappingNode)service["environment"]).Children
            .ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value ?? "");
    }

    private static string Image(YamlMappingNode services, string name) =>
        ((YamlScalarNode)((YamlMappingNode)services[name])["image"]).Value!;

    private static List<string> Ports(YamlMappingNode services, string name) =>
        ((YamlSequenceNode)((YamlMappingNode)services[name])["ports"]).Children.Select(p => ((YamlScalarNode)p).Value!).ToList();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PortCooperation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (PortCooperation.sln) was not found above the test binaries.");
    }

    /// <summary>A configuration source that holds nothing and writes down every key it is asked for.</summary>
    private sealed class RecordingSource : IConfigurationSource
    {
        public HashSet<string> Keys { get; } = new(StringComparer.OrdinalIgnoreCase);

        public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(Keys);

        private sealed class Provider(HashSet<string> keys) : ConfigurationProvider
        {
            public override bool TryGet(string key, out string? value)
            {
                lock (keys)
                {
                    keys.Add(key);
                }

                value = null;
                return false;
            }
        }
    }
}
