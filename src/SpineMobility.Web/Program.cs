using SpineMobility.Web.Data;
using SpineMobility.Web.Hosting;

// "copy-from-sqlite <file> [settings]" copies an existing SQLite installation into the configured database, then exits.
var copyFrom = args is [DatabaseCopy.Command, ..] ? args.ElementAtOrDefault(1) ?? "" : null;
var builder = WebApplication.CreateBuilder(copyFrom is null ? args : args[Math.Min(2, args.Length)..]);
builder.AddSpineMobility();

var app = builder.Build();
if (copyFrom is not null)
{
    var copied = await app.CopyFromSqliteAsync(copyFrom);
    await app.DisposeAsync();
    return copied;
}

if (!await app.PrepareDatabaseAsync())
{
    await app.DisposeAsync();
    return 1;
}

app.UseSpineMobility();
await app.RunAsync();
return 0;

/// <summary>Visible to the test projects' WebApplicationFactory.</summary>
public partial class Program;
