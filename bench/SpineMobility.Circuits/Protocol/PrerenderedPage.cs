using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SpineMobility.Circuits.Protocol;

/// <summary>
/// What a prerendered page hands to the circuit that takes it over: the <c>&lt;!--Blazor:{...}--&gt;</c>
/// markers of its interactive server components, in document order, and the protected component
/// state in <c>&lt;!--Blazor-Server-Component-State:...--&gt;</c>.
/// </summary>
public sealed partial class PrerenderedPage
{
    private PrerenderedPage(Uri address, int htmlBytes, IReadOnlyList<JsonObject> markers, string state)
    {
        Address = address;
        HtmlBytes = htmlBytes;
        Markers = markers;
        State = state;
    }

    public Uri Address { get; }

    public int HtmlBytes { get; }

    /// <summary>Start markers of server components (type, prerenderId, key, sequence, descriptor).</summary>
    public IReadOnlyList<JsonObject> Markers { get; }

    /// <summary>The protected state, sent up with StartCircuit and again with the first UpdateRootComponents.</summary>
    public string State { get; }

    public static PrerenderedPage Parse(Uri address, string html)
    {
        var markers = new List<JsonObject>();
        foreach (Match match in Marker().Matches(html))
        {
            if (JsonNode.Parse(match.Groups["json"].Value) is JsonObject marker
                && (string?)marker["type"] == "server" && marker["descriptor"] is not null)
            {
                markers.Add(marker);
            }
        }

        var state = StateComment().Match(html) is { Success: true } s ? s.Groups["state"].Value : "";
        return new PrerenderedPage(address, System.Text.Encoding.UTF8.GetByteCount(html), markers, state);
    }

    /// <summary>
    /// The first UpdateRootComponents batch, as blazor.web.js builds it: an "add" per marker with
    /// ssrComponentId counted from 1 and the marker with its uniqueId (counted from 0 in the page).
    /// </summary>
    public string AddOperations()
    {
        var operations = new JsonArray();
        for (var i = 0; i < Markers.Count; i++)
        {
            var marker = (JsonObject)Markers[i].DeepClone();
            marker["uniqueId"] = i;
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = marker });
        }

        return new JsonObject { ["batchId"] = 1, ["operations"] = operations }.ToJsonString();
    }

    [GeneratedRegex(@"<!--Blazor:(?<json>\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(?<state>[A-Za-z0-9+/=]+)-->")]
    private static partial Regex StateComment();
}
