using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.Web.Data;

namespace PortCooperation.IntegrationTests.Web;

/// <summary>
/// The real app on a fresh SQLite file for the public-site tests: demo data and background mail rounds off (each test arranges its own rows),
/// the clock fixed at <see cref="Now"/>, and every SQL command the app sends counted.
/// </summary>
public sealed class WebFactory : PortalFactory
{
    public static readonly DateTimeOffset DefaultNow = new(2032, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public WebFactory(DateTimeOffset? now = null, IDictionary<string, string?>? settings = null)
        : base(WithDemoDataOff(settings))
    {
        Now = now ?? DefaultNow;
        Clock = new FakeTimeProvider(Now);
    }

    public DateTimeOffset Now { get; }

    /// <summary>The app's clock; tests of time-driven jobs move it forward (<see cref="FakeTimeProvider.Advance"/>, or <c>Clock.Now = …</c>).</summary>
    public FakeTimeProvider Clock { get; }

    public SqlCommandCounter SqlCommands { get; } = new();

    /// <summary>A client that keeps cookies but does not follow redirects, so tests can read Location.</summary>
    public HttpClient CreateBrowserLikeClient(string baseAddress = "https://localhost") =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.ConfigureDbContext<PortalDbContext>(db => db.AddInterceptors(SqlCommands));
        });
    }

    private static Dictionary<string, string?> WithDemoDataOff(IDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Database:SeedDemoData"] = "false",
            // No background mail rounds (and the registration jobs they run): their queries would land in SqlCommands
            // while a test counts a page's, and tests drive delivery and jobs themselves.
            ["Mail:BackgroundDelivery"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }
}

/// <summary>Counts the SQL commands the app executes, to hold pages to their query budget (docs/quality.md P3).</summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }
}
