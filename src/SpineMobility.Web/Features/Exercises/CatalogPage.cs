namespace SpineMobility.Web.Features.Exercises;

/// <summary>Which page of the catalog an address asks for.</summary>
public static class CatalogPage
{
    /// <summary>The page number <paramref name="text"/> names, within 1..<paramref name="pageCount"/>; anything else gives page 1 (or the last) and says why.</summary>
    public static int Parse(string? text, int pageCount, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return 1;
        }

        if (!int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) || page < 1)
        {
            var shown = text.Trim().Length > 20 ? text.Trim()[..20] + "…" : text.Trim();
            problem = $"“{shown}” is not a page number, so the first page is shown.";
            return 1;
        }

        if (page > pageCount)
        {
            problem = pageCount == 1
                ? $"There is no page {page}: these exercises fit on one page."
                : $"There is no page {page}: these exercises fit on {pageCount} pages, so the last one is shown.";
            return pageCount;
        }

        return page;
    }
}
