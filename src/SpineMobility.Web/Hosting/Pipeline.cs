using Serilog;
using SpineMobility.Web.Components;
using SpineMobility.Web.Features.Account;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Reminders;

namespace SpineMobility.Web.Hosting;

public static class Pipeline
{
    public static WebApplication UseSpineMobility(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseSecurityHeaders();
        app.UseSerilogRequestLogging();
        app.UseDatabaseUnavailableAnswer();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseVisitorCookie();

        app.UseIllustrations();
        app.MapStaticAssets();
        app.MapOpenApi();
        app.MapHealthChecks("/healthz");
        app.MapExerciseApi();
        app.MapAccountEndpoints();
        app.MapCalendarFeed();
        app.MapDataExport();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
