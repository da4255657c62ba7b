using Dispatch.Api;
using Dispatch.Api.Auth;

var builder = WebApplication.CreateBuilder(args);
builder.AddDispatch();
var app = builder.Build();
await app.InitializeDispatchAsync();
if (args is [CreateUserCommand.Name, .. var rest]) return await CreateUserCommand.RunAsync(app.Services, rest);
if (args is [Dispatch.Api.Imports.ImportCommand.Name, .. var importArgs]) return await Dispatch.Api.Imports.ImportCommand.RunAsync(app.Services, importArgs);
if (args is [Dispatch.Api.Audit.VerifyLogCommand.Name, ..]) return await Dispatch.Api.Audit.VerifyLogCommand.RunAsync(app.Services);
app.UseDispatch();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
