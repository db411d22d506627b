using SpineMobility.Testing;

namespace SpineMobility.IntegrationTests;

/// <summary>
/// A test about SQLite itself (its file, WAL, upgrades of existing SQLite installations). It runs in the SQLite
/// run of the suite and is skipped in the PostgreSQL run, where it would only repeat itself.
/// </summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.SuiteRunsOnPostgres)
        {
            Skip = "About SQLite: runs in the SQLite run of the suite.";
        }
    }
}

/// <summary>A test that needs a PostgreSQL server: it runs in the PostgreSQL run of <c>./test.sh</c>.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.SuiteRunsOnPostgres)
        {
            Skip = $"Needs PostgreSQL: runs in the PostgreSQL run of ./test.sh ({TestDatabase.ProviderVariable}=postgres).";
        }
    }
}
