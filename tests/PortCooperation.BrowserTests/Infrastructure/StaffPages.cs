using Microsoft.Playwright;
using PortCooperation.Web.Domain;

namespace PortCooperation.BrowserTests.Infrastructure;

/// <summary>Staff pages for the executive report's and the analytics' browser tests: a new editor, signed in through the form.</summary>
public static class StaffPages
{
    /// <summary>
    /// A page whose context (own cookies) is signed in as a new editor; <paramref name="arrange"/> may add records for
    /// that user (e.g. a report subscription) before the sign-in.
    /// </summary>
    public static Task<IPage> SignedInEditorAsync(this BrowserApp app, BrowserNewContextOptions? options = null, Func<IServiceProvider, ApplicationUser, Task>? arrange = null) =>
        app.SignedInStaffPageAsync($"editor-{Guid.NewGuid():N}@example.org", Roles.Editor, options, arrange);
}
