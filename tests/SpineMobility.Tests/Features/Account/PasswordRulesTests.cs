using Microsoft.AspNetCore.Identity;
using SpineMobility.Web.Features.Account;

namespace SpineMobility.Tests.Features.Account;

public sealed class PasswordRulesTests
{
    [Fact]
    public void The_hint_states_every_rule_identity_enforces() =>
        Assert.Equal(
            "At least 6 characters, with an upper-case letter, a lower-case letter, a digit and a symbol.",
            PasswordRules.Describe(new PasswordOptions()));

    [Fact]
    public void A_hint_with_one_rule_reads_as_a_sentence() =>
        Assert.Equal(
            "At least 12 characters, with a digit.",
            PasswordRules.Describe(new PasswordOptions { RequiredLength = 12, RequireLowercase = false, RequireUppercase = false, RequireNonAlphanumeric = false }));
}
