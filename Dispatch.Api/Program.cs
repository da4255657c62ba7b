using Dispatch.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddDispatch();
var app = builder.Build();
await app.InitializeDispatchAsync();
app.UseDispatch();
await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
