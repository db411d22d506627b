using Microsoft.AspNetCore.Identity;

namespace SpineMobility.Web.Features.Account;

/// <summary>
/// No e-mail service is needed to use SpineMobility. Accounts need no confirmation; a password reset
/// link is written to the app's log, where whoever runs the app can pass it on.
/// </summary>
internal sealed partial class LoggingEmailSender(ILogger<LoggingEmailSender> logger) : IEmailSender<AppUser>
{
    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink) => Task.CompletedTask;

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink)
    {
        LogResetLink(logger, email, resetLink);
        return Task.CompletedTask;
    }

    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No e-mail service is configured. Password reset link for {Email}: {ResetLink}")]
    private static partial void LogResetLink(ILogger logger, string email, string resetLink);
}
