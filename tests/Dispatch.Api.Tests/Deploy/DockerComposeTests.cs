using System.Text.RegularExpressions;

namespace Dispatch.Api.Tests.Deploy;

/// <summary>
/// deploy/docker-compose.yml is a valid Compose file with the variables of .env.example, and it
/// refuses to run without its secrets. Only the client checks it: no engine runs here, so the
/// images are neither built nor started. deploy/Dockerfile copies only files that exist.
/// </summary>
public sealed partial class DockerComposeTests
{
    private static string ComposeFile => DeployTools.DeployFile("docker-compose.yml");

    [Test]
    public async Task The_compose_file_is_valid_with_the_example_environment()
    {
        var (code, output) = await ComposeConfigAsync(DeployTools.DeployFile(".env.example"));
        Assert.That(code, Is.Zero, output);
    }

    [Test]
    public async Task Without_the_secrets_compose_refuses_and_names_them()
    {
        var empty = Path.GetTempFileName();
        try
        {
            var (code, output) = await ComposeConfigAsync(empty);
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.Not.Zero, output);
                Assert.That(output, Does.Match("PSC119_HOST|PSC119_DB_PASSWORD|PSC119_TELEPHONY_KEY|MSSQL_SA_PASSWORD|REDIS_PASSWORD"));
            });
        }
        finally
        {
            File.Delete(empty);
        }
    }

    [Test]
    public void The_Dockerfile_copies_only_files_that_exist()
    {
        var sources = CopyLine().Matches(File.ReadAllText(DeployTools.DeployFile("Dockerfile")))
            .SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
            .ToList();
        Assert.That(sources, Has.Count.GreaterThan(5));
        var missing = sources.Where(s => !File.Exists(Path.Combine(DeployTools.RepoRoot, s)) && !Directory.Exists(Path.Combine(DeployTools.RepoRoot, s)));
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void No_secret_file_is_in_the_repository()
    {
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(Path.Combine(DeployTools.RepoRoot, ".gitignore")), Does.Contain("deploy/.env"));
            Assert.That(File.ReadAllText(ComposeFile), Does.Not.Match(@"(?i)password=(?!\$\{)"), "a literal password in docker-compose.yml");
        });
    }

    private static async Task<(int Code, string Output)> ComposeConfigAsync(string envFile)
    {
        string[] prefix;
        var docker = new[] { "/usr/local/bin/docker", "/usr/bin/docker" }.FirstOrDefault(File.Exists);
        if (docker is not null && (await DeployTools.RunAsync(docker, ["compose", "version"])).Code == 0)
            prefix = [docker, "compose"];
        else if (new[] { "/usr/local/bin/docker-compose", "/usr/bin/docker-compose" }.FirstOrDefault(File.Exists) is { } legacy)
            prefix = [legacy];
        else
        {
            Assert.Ignore("No Compose client (docker compose or docker-compose) is installed.");
            return default;
        }
        return await DeployTools.RunAsync(prefix[0], [.. prefix.Skip(1), "-f", ComposeFile, "--env-file", envFile, "config", "-q"]);
    }

    /// <summary>COPY lines that take files from the build context (not --from another stage).</summary>
    [GeneratedRegex(@"^COPY (?!--from)(.+)$", RegexOptions.Multiline)]
    private static partial Regex CopyLine();
}
