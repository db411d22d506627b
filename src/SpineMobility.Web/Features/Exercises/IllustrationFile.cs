using System.Xml;

namespace SpineMobility.Web.Features.Exercises;

/// <summary>Checks that an illustration named by the content is a file the app can safely show.</summary>
public static class IllustrationFile
{
    private const long MaxBytes = 256 * 1024;
    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    /// <summary>
    /// What a drawing may be made of: shapes, groups and their paint, nothing that scripts, animates,
    /// styles with rules or embeds. Anything else is refused rather than anything known to be bad.
    /// </summary>
    private static readonly HashSet<string> AllowedElements =
    [
        "svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect", "title", "desc",
        "defs", "linearGradient", "radialGradient", "stop", "clipPath", "mask", "symbol", "use", "text", "tspan",
    ];

    /// <summary>What is wrong with the file itself, or null when it exists and is a plain, self-contained SVG drawing.</summary>
    public static string? FileProblem(string contentDirectory, string file)
    {
        var path = Path.Combine(contentDirectory, file);
        if (!File.Exists(path))
        {
            return $"'{file}' does not exist (looked for {Path.GetFullPath(path)})";
        }

        try
        {
            if (new FileInfo(path).Length > MaxBytes)
            {
                return $"'{file}' is larger than {MaxBytes / 1024} KB; simplify the drawing";
            }

            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var sawRoot = false;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.ProcessingInstruction)
                {
                    // <?xml-stylesheet href="…"?> would make a browser fetch and apply a style sheet.
                    return $"'{file}' has a processing instruction <?{reader.Name}?>; illustrations must be plain drawings";
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (!sawRoot)
                {
                    sawRoot = true;
                    if (reader.LocalName != "svg" || reader.NamespaceURI != SvgNamespace)
                    {
                        return $"'{file}' is not an SVG drawing: its root element must be <svg xmlns=\"{SvgNamespace}\">";
                    }

                    if (string.IsNullOrWhiteSpace(reader.GetAttribute("viewBox")))
                    {
                        return $"'{file}' has no viewBox, so it cannot scale to the card and the player";
                    }
                }

                if (reader.NamespaceURI != SvgNamespace || !AllowedElements.Contains(reader.LocalName))
                {
                    return $"'{file}' contains a <{reader.Name}> element; illustrations must be plain drawings ({string.Join(", ", AllowedElements)})";
                }

                for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
                {
                    if (reader.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    {
                        return $"'{file}' has an event handler attribute '{reader.LocalName}'; illustrations must be plain drawings";
                    }

                    if ((reader.LocalName == "href" && !reader.Value.StartsWith('#')) || CssValue.LoadsSomething(reader.Value))
                    {
                        return $"'{file}' refers to '{reader.Value}'; illustrations must not load anything else";
                    }
                }

                reader.MoveToElement();
            }

            return sawRoot ? null : $"'{file}' is empty";
        }
        catch (XmlException e)
        {
            return $"'{file}' is not well-formed SVG: {e.Message}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"'{file}' cannot be read: {e.Message}";
        }
    }

    /// <summary>The size of the drawing's viewBox; null when the file cannot be read or has no usable viewBox.</summary>
    public static DrawingSize? Size(string contentDirectory, string file)
    {
        try
        {
            using var reader = XmlReader.Create(Path.Combine(contentDirectory, file), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return reader.MoveToContent() == XmlNodeType.Element ? DrawingSize.FromViewBox(reader.GetAttribute("viewBox")) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException)
        {
            return null;
        }
    }
}
