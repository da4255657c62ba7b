namespace Dispatch.Api.Tests.Infrastructure;

/// <summary>
/// A test class with its own running app (own database, demo seed) and an API client. A class
/// that runs on each database says so with <c>[TestFixture(TestApp.Sqlite)] [TestFixture(TestApp.Postgres)]</c>.
/// </summary>
public abstract class ApiTest(string database = TestApp.Sqlite)
{
    protected TestApp App { get; private set; } = null!;
    protected ApiClient Api { get; private set; } = null!;

    /// <summary>The <c>Database:Provider</c> this class runs on.</summary>
    protected string Database { get; } = database;

    /// <summary>Settings a test class needs beyond the defaults of <see cref="TestApp"/>.</summary>
    protected virtual Dictionary<string, string?>? Settings => null;

    [OneTimeSetUp]
    public void StartApp()
    {
        App = new TestApp(Settings, Database).Start();
        Api = new ApiClient(App);
    }

    [OneTimeTearDown]
    public void StopApp() => App?.Dispose(); // null when the class was ignored (no server for its database)
}
