using Microsoft.AspNetCore.Identity;

namespace SpineMobility.Web.Features.Account;

/// <summary>A person with an account. Everything of theirs (sessions, settings, pauses) is deleted with it.</summary>
public sealed class AppUser : IdentityUser;
