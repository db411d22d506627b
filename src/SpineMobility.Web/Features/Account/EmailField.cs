using System.ComponentModel.DataAnnotations;

namespace SpineMobility.Web.Features.Account;

/// <summary>
/// The checks on every e-mail field of the account forms. Deliberately lax about what an address holds
/// (o'brien@…, zoë@…, …@bücher.example are all real), strict only about its length.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EmailFieldAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var email = (value as string)?.Trim();
        string? problem = email switch
        {
            null or "" => "Enter your e-mail address.",
            { Length: > AccountSetup.MaxEmailLength } => $"An e-mail address has at most {AccountSetup.MaxEmailLength} characters; this one has {email.Length}.",
            _ when !new EmailAddressAttribute().IsValid(email) || email.Any(char.IsWhiteSpace) => "That is not an e-mail address: it needs one @ with something before and after it.",
            _ => null,
        };
        return problem is null ? ValidationResult.Success : new ValidationResult(problem, validationContext.MemberName is { } name ? [name] : null);
    }
}
