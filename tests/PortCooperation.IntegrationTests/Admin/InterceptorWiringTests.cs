using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Data;
using PortCooperation.Web.Infrastructure.Caching;
using PortCooperation.Web.Services.Audit;

namespace PortCooperation.IntegrationTests.Admin;

/// <summary>The audit log and the public pages' cache eviction hang on two interceptors; neither may drop out unnoticed.</summary>
public sealed class InterceptorWiringTests
{
    [Fact]
    public async Task EveryContext_CarriesTheCacheEvictionAndAuditInterceptors_InThatOrder()
    {
        using var factory = new WebFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        var interceptors = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.Interceptors!
            .Where(i => i is CacheEvictionInterceptor or AuditInterceptor).Select(i => i.GetType()).ToList();

        interceptors.ShouldBe([typeof(CacheEvictionInterceptor), typeof(AuditInterceptor)]);
    }

    [Fact]
    public void AHostWithoutTheAuditInterceptor_CannotOpenTheDatabase()
    {
        using var factory = new WebFactory();
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.RemoveAll<AuditInterceptor>()));

        var failure = Should.Throw<InvalidOperationException>(() => app.Services.CreateScope().ServiceProvider.GetRequiredService<PortalDbContext>().Model);

        failure.Message.ShouldContain(nameof(AuditInterceptor));
    }
}
