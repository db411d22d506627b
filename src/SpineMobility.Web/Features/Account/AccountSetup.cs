using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using SpineMobility.Web.Data;
using SpineMobility.Web.Hosting;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Account;

public static partial class AccountSetup
{
    /// <summary>Attempts allowed per client address per minute on each account form that can be used for guessing.</summary>
    public const int SignInAttemptsPerMinute = 10;

    /// <summary>The longest e-mail address there can be (RFC 5321: a 256-octet path, less its angle brackets).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>The forms a script could hammer: sign-in (passwords), registration (which addresses have accounts), password reset (mail to anyone).</summary>
    private static readonly string[] GuardedForms = ["/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Account/ResetPassword"];

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountOptions>()
            .Bind(configuration.GetSection(AccountOptions.Section))
            .Validate(
                o => o.RevalidationInterval >= TimeSpan.FromSeconds(1) && o.RevalidationInterval <= TimeSpan.FromSeconds(25),
                "Accounts:RevalidationInterval must be between 00:00:01 and 00:00:25: an ended sign-in must end open pages within 30 seconds.")
            .ValidateOnStart();
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddSingleton<SignIns>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.AddIdentityCore<AppUser>(options =>
            {
                // Signing up needs no e-mail service.
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;

                // The user name is the e-mail address, and addresses may hold apostrophes and letters of any script.
                options.User.AllowedUserNameCharacters = "";
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<AccountErrors>()
            .AddUserValidator<EmailLengthValidator>();

        services.AddSingleton<IEmailSender<AppUser>, LoggingEmailSender>();
        services.AddAuthorization();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "sm-auth";
            options.ExpireTimeSpan = SignIns.Lifetime;
            options.Events.OnSigningIn = StartSignInAsync;
            options.Events.OnSignedIn = ClaimBrowserSessionsAsync;
            options.Events.OnValidatePrincipal = ValidateSignInAsync;
            options.Events.OnSigningOut = EndSignInAsync;
        });

        // Identity re-reads the account now and then to check its security stamp; the new principal keeps its sign-in.
        services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = context =>
        {
            if (context.CurrentPrincipal is { } current && SignIns.IdOf(current) is { } id && context.NewPrincipal?.Identity is ClaimsIdentity identity)
            {
                identity.AddClaim(new Claim(SignIns.ClaimType, id));
            }

            return Task.CompletedTask;
        });

        services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        // Per instance, on purpose: behind a balancer with N instances a client gets at most N times the attempts,
        // while the lockout that stops guessing one account's password lives in the shared database.
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                GuardedFormOf(context) is { } form
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        $"{ClientAddress.Of(context)} {form}",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("everything else"));
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many attempts from this address. Please wait a minute and try again.", cancellationToken);
            };
        });

        return services;
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The token is checked here rather than by form binding, so a stale or forged form is a plain 400, not an exception.
        endpoints.MapPost("/Account/Logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signInManager, ILoggerFactory loggers) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return StaleSignOut(loggers);
            }

            var returnUrl = context.Request.HasFormContentType ? (string?)(await context.Request.ReadFormAsync())["returnUrl"] : null;
            await signInManager.SignOutAsync();
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).DisableAntiforgery().ExcludeFromDescription();

        // For a lost phone or a shared computer left signed in: every sign-in of the account ends, this one too.
        endpoints.MapPost("/Account/LogoutEverywhere", async (HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signInManager, SignIns signIns, ILoggerFactory loggers) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return StaleSignOut(loggers);
            }

            if (await signInManager.UserManager.GetUserAsync(context.User) is { } user)
            {
                await signIns.EndAllAsync(user.Id);
                await signInManager.UserManager.UpdateSecurityStampAsync(user);
            }

            await signInManager.SignOutAsync();
            return Results.LocalRedirect("/");
        }).DisableAntiforgery().ExcludeFromDescription();
        return endpoints;
    }

    private static IResult StaleSignOut(ILoggerFactory loggers)
    {
        LogStaleSignOut(loggers.CreateLogger(typeof(AccountSetup).FullName!));
        return Results.Text(
            "This sign-out form has expired or did not come from SpineMobility. Go back, reload the page and sign out again.",
            "text/plain; charset=utf-8",
            statusCode: StatusCodes.Status400BadRequest);
    }

    private static string? GuardedFormOf(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
            ? GuardedForms.FirstOrDefault(form => context.Request.Path.Equals(form, StringComparison.OrdinalIgnoreCase))
            : null;

    private static async Task StartSignInAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is ClaimsIdentity identity)
        {
            await context.HttpContext.RequestServices.GetRequiredService<SignIns>().StartAsync(identity, context.HttpContext.RequestAborted);
        }
    }

    /// <summary>Every request's sign-in cookie is checked against its record (one indexed read), and refused once it has ended.</summary>
    private static async Task ValidateSignInAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is { } principal
            && !await context.HttpContext.RequestServices.GetRequiredService<SignIns>().IsActiveAsync(principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>Signing out ends the sign-in everywhere its cookie is, and gives the browser a new visitor key.</summary>
    private static async Task EndSignInAsync(CookieSigningOutContext context)
    {
        await context.HttpContext.RequestServices.GetRequiredService<SignIns>().EndAsync(context.HttpContext.User, context.HttpContext.RequestAborted);
        VisitorCookie.Renew(context.HttpContext);
    }

    /// <summary>Sessions this browser did while signed out become the account's when the user signs in or registers here.</summary>
    private static async Task ClaimBrowserSessionsAsync(CookieSignedInContext context)
    {
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var visitor = Visitor.From(context.HttpContext);
        if (userId is not null && visitor is not null)
        {
            await context.HttpContext.RequestServices.GetRequiredService<BrowserClaim>().ClaimAsync(visitor.BrowserKey, userId, context.HttpContext.RequestAborted);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a sign-out without a valid antiforgery token")]
    private static partial void LogStaleSignOut(ILogger logger);
}
