using Microsoft.AspNetCore.Identity;

namespace SpineMobility.Web.Features.Account;

/// <summary>Identity's messages in the app's words. The user name is the e-mail address, so it is never called a user name.</summary>
internal sealed class AccountErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"There is already an account for {userName}. Sign in, or reset its password." };

    // The same words as DuplicateUserName, since the two come together here: AccountErrors.Text says them once.
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"There is already an account for {email}. Sign in, or reset its password." };

    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = "That is not an e-mail address." };

    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = "That is not an e-mail address." };

    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Use at least {length} characters." };

    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "Use at least one symbol, such as ! or -." };

    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "Use at least one digit (0–9)." };

    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "Use at least one lower-case letter (a–z)." };

    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "Use at least one upper-case letter (A–Z)." };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Use at least {uniqueChars} different characters." };

    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "That password is not right." };

    /// <summary>The messages of a failed result, each once.</summary>
    public static IReadOnlyList<string> Text(IdentityResult result) => [.. result.Errors.Select(e => e.Description).Distinct()];

    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = "This link does not work for that address: it is broken, has expired or was already used." };
}
