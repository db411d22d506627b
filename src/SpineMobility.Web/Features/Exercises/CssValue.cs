using System.Globalization;
using System.Text;

namespace SpineMobility.Web.Features.Exercises;

/// <summary>
/// Reads an attribute value as CSS does (escapes decoded, comments dropped) to tell whether it would
/// make the browser load something: a <c>url(…)</c> that is not a reference inside the drawing, an
/// image function or an <c>@import</c>. Decoding first is what catches <c>u\72l(…)</c>; a comment inside a name is dropped, which can only refuse more.
/// </summary>
public static class CssValue
{
    /// <summary>CSS functions that fetch a resource whatever their argument.</summary>
    private static readonly HashSet<string> LoadingFunctions = ["image", "image-set", "-webkit-image-set", "cross-fade", "element", "src", "paint"];

    public static bool LoadsSomething(string value)
    {
        var css = Decode(value);
        if (css.Contains("@import", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        for (var i = 0; i < css.Length; i++)
        {
            if (css[i] != '(')
            {
                continue;
            }

            var start = i;
            while (start > 0 && IsNameCharacter(css[start - 1]))
            {
                start--;
            }

            var name = css[start..i].ToLowerInvariant();
            if (LoadingFunctions.Contains(name))
            {
                return true;
            }

            if (name == "url")
            {
                var end = css.IndexOf(')', i);
                var argument = (end < 0 ? css[(i + 1)..] : css[(i + 1)..end]).Trim().Trim('"', '\'').Trim();
                if (!argument.StartsWith('#'))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The value with CSS escapes replaced by the characters they stand for and comments removed (CSS Syntax §4.3).</summary>
    public static string Decode(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '/' && i + 1 < value.Length && value[i + 1] == '*')
            {
                var close = value.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? value.Length : close + 1;
                continue;
            }

            if (c != '\\' || i + 1 >= value.Length)
            {
                text.Append(c);
                continue;
            }

            // A backslash and up to six hex digits, and one whitespace after them, stand for that code point.
            var digits = 0;
            while (digits < 6 && i + 1 + digits < value.Length && Uri.IsHexDigit(value[i + 1 + digits]))
            {
                digits++;
            }

            if (digits == 0)
            {
                // A backslash before a line break continues a string; before anything else it stands for that character.
                if (value[i + 1] is not ('\n' or '\r' or '\f'))
                {
                    text.Append(value[i + 1]);
                }

                i++;
                continue;
            }

            var codePoint = int.Parse(value.AsSpan(i + 1, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            text.Append(codePoint is 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF) ? "\uFFFD" : char.ConvertFromUtf32(codePoint));
            i += digits;
            if (i + 1 < value.Length && value[i + 1] is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                i++;
            }
        }

        return text.ToString();
    }

    private static bool IsNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || c > 0x7F;
}
