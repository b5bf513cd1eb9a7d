using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Infrastructure.Operations;

/// <summary>
/// <c>dotnet run -- create-admin --email you@example.org</c>: creates an Administrator, or promotes an
/// existing account (and, when a password is given, resets it, unlocks it and re-enables it: the way back in
/// for a locked-out administrator). The password comes from PORTAL_ADMIN_PASSWORD, else from a prompt on a
/// terminal, else from one line of standard input; it passes the same rules as any password (S4). There is
/// no default password anywhere.
/// </summary>
public sealed class CreateAdminCommand(IServiceProvider services, ILogger logger, PasswordSource passwords, TextWriter output, TextWriter error)
{
    public const string Name = "create-admin";
    public const string PasswordVariable = "PORTAL_ADMIN_PASSWORD";
    private const string Usage = "Usage: create-admin --email you@example.org   (password from PORTAL_ADMIN_PASSWORD, a prompt, or one line on standard input)";

    public static async Task<int> RunAsync(WebApplication app, IReadOnlyList<string> args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var command = new CreateAdminCommand(scope.ServiceProvider, app.Logger, PasswordSource.FromConsole(), Console.Out, Console.Error);
        return await command.RunAsync(args);
    }

    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var email = ParseEmail(args);
        if (email is null)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        await PrepareDatabaseAsync();
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        var password = passwords.Read(newAccount: user is null);
        var result = user is null
            ? await CreateAsync(users, email, password)
            : await PromoteAsync(users, user, password);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync($"create-admin failed for {email}:");
            foreach (var problem in result.Errors)
            {
                await error.WriteLineAsync($"  - {problem.Description}");
            }

            return 1;
        }

        logger.LogInformation("Administrator account {Email} set up from the command line", LogRedaction.MaskEmail(email));
        await output.WriteLineAsync(user is null
            ? $"Administrator {email} created. Sign in at {IdentityServiceCollectionExtensions.LoginPath}."
            : $"{email} is an Administrator{(string.IsNullOrEmpty(password) ? "" : "; password reset, lockout cleared, account enabled")}. Sign in at {IdentityServiceCollectionExtensions.LoginPath}.");
        return 0;
    }

    /// <summary>Accepts "--email x@y.org" and "--email=x@y.org"; null when missing or not an address.</summary>
    public static string? ParseEmail(IReadOnlyList<string> args)
    {
        string? value = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--email" && i + 1 < args.Count)
            {
                value = args[i + 1];
            }
            else if (args[i].StartsWith("--email=", StringComparison.Ordinal))
            {
                value = args[i]["--email=".Length..];
            }
        }

        value = value?.Trim();
        return Services.Registrations.EmailAddresses.Parse(value) == value ? value : null;
    }

    private async Task PrepareDatabaseAsync()
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.MigrateOnStartup)
        {
            await DatabaseInitializer.MigrateAsync(services.GetRequiredService<PortalDbContext>(), logger);
        }

        await RoleSeeder.EnsureRolesAsync(services);
    }

    private async Task<IdentityResult> CreateAsync(UserManager<ApplicationUser> users, string email, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return IdentityResult.Failed(new IdentityError { Code = "PasswordRequired", Description = $"A password is required: set {PasswordVariable} or type it when asked." });
        }

        var clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, password);
        return created.Succeeded ? await users.AddToRoleAsync(user, Roles.Administrator) : created;
    }

    private static async Task<IdentityResult> PromoteAsync(UserManager<ApplicationUser> users, ApplicationUser user, string? password)
    {
        if (!string.IsNullOrEmpty(password))
        {
            // A reset validates the password like any other and changes the security stamp, ending old sessions.
            var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
            if (!reset.Succeeded)
            {
                return reset;
            }

            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            user.IsDisabled = false;
            var updated = await users.UpdateAsync(user);
            if (!updated.Succeeded)
            {
                return updated;
            }
        }

        return await users.IsInRoleAsync(user, Roles.Administrator)
            ? IdentityResult.Success
            : await users.AddToRoleAsync(user, Roles.Administrator);
    }
}
