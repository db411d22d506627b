using System.ComponentModel.DataAnnotations;
using SpineMobility.Web.Features.Account;

namespace SpineMobility.Tests.Features.Account;

public sealed class EmailFieldTests
{
    private static string? Problem(string? email)
    {
        var attribute = new EmailFieldAttribute();
        return attribute.GetValidationResult(email, new ValidationContext(new object()) { MemberName = "Email" })?.ErrorMessage;
    }

    [Theory]
    [InlineData("o'brien@example.com")]
    [InlineData("zoë@example.com")]
    [InlineData("user@bücher.example")]
    [InlineData("first.last+tag@sub.example.co.uk")]
    public void Real_addresses_pass(string email) => Assert.Null(Problem(email));

    [Theory]
    [InlineData("", "Enter your e-mail address.")]
    [InlineData("no-at-sign.example", "That is not an e-mail address")]
    [InlineData("two words@example.com", "That is not an e-mail address")]
    public void Other_text_is_refused_saying_why(string email, string expected) => Assert.StartsWith(expected, Problem(email), StringComparison.Ordinal);

    [Fact]
    public void An_address_over_254_characters_is_refused_with_its_length()
    {
        Assert.Null(Problem(new string('a', 242) + "@example.com"));
        Assert.Equal("An e-mail address has at most 254 characters; this one has 255.", Problem(new string('a', 243) + "@example.com"));
    }
}
