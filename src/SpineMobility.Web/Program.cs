using SpineMobility.Web.Data;
using SpineMobility.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSpineMobility();

var app = builder.Build();
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
