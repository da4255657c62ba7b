namespace Dispatch.Api.Tests.Infrastructure;

/// <summary>A test class with its own running app (own SQLite file, demo seed) and an API client.</summary>
public abstract class ApiTest
{
    protected TestApp App { get; private set; } = null!;
    protected ApiClient Api { get; private set; } = null!;

    /// <summary>Settings a test class needs beyond the defaults of <see cref="TestApp"/>.</summary>
    protected virtual Dictionary<string, string?>? Settings => null;

    [OneTimeSetUp]
    public void StartApp()
    {
        App = new TestApp(Settings).Start();
        Api = new ApiClient(App);
    }

    [OneTimeTearDown]
    public void StopApp() => App.Dispose();
}
