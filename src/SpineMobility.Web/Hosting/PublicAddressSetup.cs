using Microsoft.AspNetCore.HostFiltering;

namespace SpineMobility.Web.Hosting;

public static class PublicAddressSetup
{
    /// <summary>
    /// The public address, checked now so a wrong one stops the start; and, when it is configured and
    /// AllowedHosts is left at "*", only its host is served: a request naming another Host is refused.
    /// </summary>
    public static IServiceCollection AddPublicAddress(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = PublicAddress.Parse(configuration[PublicAddress.ConfigurationKey]);
        services.AddSingleton<PublicAddress>();
        var allowedHosts = configuration["AllowedHosts"];
        if (configured is not null && (string.IsNullOrWhiteSpace(allowedHosts) || allowedHosts.Trim() == "*"))
        {
            // Host headers carry IPv6 addresses in brackets and names in punycode.
            var host = configured.HostNameType == UriHostNameType.IPv6 ? $"[{configured.IdnHost}]" : configured.IdnHost;
            services.PostConfigure<HostFilteringOptions>(options => options.AllowedHosts = [host]);
        }

        return services;
    }
}
