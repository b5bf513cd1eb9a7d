using Microsoft.AspNetCore.Identity;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Infrastructure.Security;

/// <summary>Identity has a minimum length option but no maximum; 128 characters keeps hashing cost bounded (S4).</summary>
public sealed class MaximumLengthPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        var result = password is { Length: > PasswordRules.MaximumLength }
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooLong",
                Description = $"Passwords must be at most {PasswordRules.MaximumLength} characters.",
            })
            : IdentityResult.Success;
        return Task.FromResult(result);
    }
}
