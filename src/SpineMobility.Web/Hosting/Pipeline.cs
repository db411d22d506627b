using Serilog;
using SpineMobility.Web.Components;
using SpineMobility.Web.Components.Layout;
using SpineMobility.Web.Features.Account;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Reminders;

namespace SpineMobility.Web.Hosting;

public static class Pipeline
{
    public static WebApplication UseSpineMobility(this WebApplication app)
    {
        app.UseTrustedProxies(app.Configuration);
        // HEAD is turned into GET before routing chooses an endpoint, so routing comes after it.
        app.UseHeadRequests();
        app.UseCompressedPackageAssets();
        app.UseRouting();

        // Dates and times in the reader's English (the browser's Accept-Language), in prerendering and in the circuit it starts.
        app.UseRequestLocalization(options => options
            .SetDefaultCulture(SpineMobility.Web.Shared.DisplayDates.DefaultCulture)
            .AddSupportedCultures(SpineMobility.Web.Shared.DisplayDates.Cultures)
            .AddSupportedUICultures(SpineMobility.Web.Shared.DisplayDates.Cultures));

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);

            // Only over HTTPS (the middleware skips plain HTTP and localhost): browsers then use only HTTPS here for the next 30 days.
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseSameOriginCircuits();
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.GetLevel = AbortedRequests.LevelOf;
        });
        app.UseAbortedRequestsQuietly();
        app.UseCircuitLimit();
        app.UseDatabaseUnavailableAnswer();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

        // The API answers its errors as application/problem+json, an unknown /api address too, never with the HTML 404 page.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseVisitorCookie();
        app.UseResponseShaping();

        app.UseIllustrations();
        app.MapStaticAssets();
        app.MapOpenApi();
        app.MapHealthChecks("/healthz");
        app.MapExerciseApi();
        app.MapAccountEndpoints();
        app.MapThemeForm();
        app.MapCalendarFeed();
        app.MapDataExport();
        // Blazor would add its own "frame-ancestors 'self'" policy; the app's one policy forbids framing altogether.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
