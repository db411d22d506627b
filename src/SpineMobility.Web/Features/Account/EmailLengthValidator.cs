using Microsoft.AspNetCore.Identity;

namespace SpineMobility.Web.Features.Account;

/// <summary>No account with an address longer than any address can be, whichever way it was made.</summary>
internal sealed class EmailLengthValidator : IUserValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user) =>
        Task.FromResult(user.Email is { Length: > AccountSetup.MaxEmailLength }
            ? IdentityResult.Failed(new IdentityError { Code = "EmailTooLong", Description = $"An e-mail address has at most {AccountSetup.MaxEmailLength} characters." })
            : IdentityResult.Success);
}
