using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SpineMobility.Web.Hosting;

/// <summary>
/// Where people reach the app from outside, for every link it hands out (a password reset, the calendar feed):
/// <c>App:PublicBaseUrl</c>, or else the first address the server listens on. Never the request's Host header,
/// which whoever sends the request chooses.
/// </summary>
public sealed class PublicAddress
{
    public const string ConfigurationKey = "App:PublicBaseUrl";

    private readonly Lazy<Uri> _baseUri;

    public PublicAddress(IConfiguration configuration, IServer server)
    {
        Configured = Parse(configuration[ConfigurationKey]);
        _baseUri = new(() => Configured ?? FromServer(server));
    }

    /// <summary>The configured public address, when there is one.</summary>
    public Uri? Configured { get; }

    /// <summary>The base every outside link starts with, ending in a slash.</summary>
    public Uri BaseUri => _baseUri.Value;

    /// <summary>scheme://host[:port] of <see cref="BaseUri"/>, as browsers send it in an Origin header.</summary>
    public string Origin => BaseUri.GetLeftPart(UriPartial.Authority);

    /// <summary>An absolute link to a path of the app, e.g. <c>Account/ResetPassword?code=…</c>.</summary>
    public Uri LinkTo(string pathAndQuery) => new(BaseUri, pathAndQuery.TrimStart('/'));

    /// <summary>The configured address, checked at start-up: an absolute http(s) address with nothing after its path.</summary>
    public static Uri? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new InvalidOperationException(
                $"{ConfigurationKey} must be the absolute http or https address people open the app at, such as https://spine.example.org/, not '{value}'.");
        }

        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    /// <summary>Unconfigured (a single machine, `dotnet run`): where Kestrel listens, with a wildcard host read as localhost.</summary>
    private static Uri FromServer(IServer server)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            return new Uri("http://localhost/");
        }

        var binding = BindingAddress.Parse(address);
        var host = binding.Host is "*" or "+" or "0.0.0.0" or "[::]" or "::" ? "localhost" : binding.Host;
        return new UriBuilder(binding.Scheme, host, binding.Port, "/").Uri;
    }
}
