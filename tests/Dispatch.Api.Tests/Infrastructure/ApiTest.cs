namespace Dispatch.Api.Tests.Infrastructure;

/// <summary>A test class with its own running app (own SQLite file, demo seed) and an API client.</summary>
public abstract class ApiTest
{
    protected TestApp App { get; private set; } = null!;
    protected ApiClient Api { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartApp()
    {
        App = new TestApp().Start();
        Api = new ApiClient(App);
    }

    [OneTimeTearDown]
    public void StopApp() => App.Dispose();
}
