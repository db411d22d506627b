using System.Linq.Expressions;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Identity;

namespace SpineMobility.Web.Features.Account;

/// <summary>Checks a form that chooses a password: its own rules, and every password rule the new one breaks, at once.</summary>
public sealed class NewPasswordValidation
{
    private readonly EditContext _form;
    private readonly ValidationMessageStore _rules;

    public NewPasswordValidation(EditContext form)
    {
        _form = form;
        _rules = new ValidationMessageStore(form);
    }

    /// <summary>True when nothing is wrong; otherwise the messages are on the form, each beside its field.</summary>
    public async Task<bool> ValidateAsync(UserManager<AppUser> users, Expression<Func<string>> newPassword)
    {
        var field = FieldIdentifier.Create(newPassword);
        _rules.Clear();
        var valid = _form.Validate();
        var password = newPassword.Compile()();
        if (!string.IsNullOrEmpty(password))
        {
            _rules.Add(field, await PasswordRules.BrokenAsync(users, password));
        }

        _form.NotifyValidationStateChanged();
        return valid && !_form.GetValidationMessages(field).Any();
    }
}
