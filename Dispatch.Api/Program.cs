using Dispatch.Api;
using Dispatch.Api.Auth;

var builder = WebApplication.CreateBuilder(args);
builder.AddDispatch();
var app = builder.Build();
await app.InitializeDispatchAsync();
if (args is [CreateUserCommand.Name, .. var rest]) return await CreateUserCommand.RunAsync(app.Services, rest);
app.UseDispatch();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
