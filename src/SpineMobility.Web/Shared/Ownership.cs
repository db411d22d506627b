using System.Linq.Expressions;

namespace SpineMobility.Web.Shared;

/// <summary>A row that belongs to whoever made it: the account once someone signed in, else the browser.</summary>
public interface IVisitorOwned
{
    string BrowserKey { get; }

    string? UserId { get; }
}

/// <summary>
/// Whose rows are whose, in one place for every feature. Signed in, a person sees their account's rows;
/// signed out, a browser sees only the rows it made while nobody was signed in on it.
/// </summary>
public static class Ownership
{
    public static Expression<Func<T, bool>> Filter<T>(Visitor visitor)
        where T : class, IVisitorOwned => visitor.UserId is { } userId
        ? r => r.UserId == userId
        : r => r.UserId == null && r.BrowserKey == visitor.BrowserKey;

    /// <summary>The rows of <paramref name="rows"/> that belong to <paramref name="visitor"/>.</summary>
    public static IQueryable<T> OwnedBy<T>(this IQueryable<T> rows, Visitor visitor)
        where T : class, IVisitorOwned => rows.Where(Filter<T>(visitor));
}
