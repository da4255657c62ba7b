using Dispatch.Api.Tests.Deploy;

namespace Dispatch.Api.Tests.FrontEnd;

/// <summary>
/// The pages' ES modules pass TypeScript's checker (Dispatch.Console/tsconfig.json: checkJs,
/// strictNullChecks) against the server payload types in Dispatch.Console/types. The build restores
/// TypeScript from npm with the front-end libraries; the check itself runs offline.
/// </summary>
public sealed class TypeCheckTests
{
    private static readonly string Console = Path.Combine(DeployTools.RepoRoot, "Dispatch.Console");

    private static async Task<(int Code, string Output)> TscAsync(params string[] args)
    {
        var node = DeployTools.Require("node");
        var tsc = Path.Combine(Console, "node_modules", "typescript", "bin", "tsc");
        Assert.That(File.Exists(tsc), Is.True, $"{tsc} is missing: the build restores it (npm ci in Dispatch.Console).");
        return await DeployTools.RunAsync(node, [tsc, .. args], TimeSpan.FromMinutes(3), workingDirectory: Console);
    }

    [Test]
    public async Task The_front_end_type_checks()
    {
        var (code, output) = await TscAsync("--noEmit", "-p", "tsconfig.json");
        Assert.That(code, Is.Zero, "tsc --noEmit -p Dispatch.Console reported:\n" + output);
    }

    [Test]
    public void Every_module_is_marked_for_checking()
    {
        var unmarked = Directory.GetFiles(Path.Combine(Console, "wwwroot", "js"), "*.js", SearchOption.AllDirectories)
            .Where(f => !File.ReadLines(f).First().StartsWith("// @ts-check", StringComparison.Ordinal))
            .Select(Path.GetFileName);
        Assert.That(unmarked, Is.Empty, "modules whose first line is not // @ts-check");
    }

    /// <summary>
    /// The same settings and types catch a wrong property type and a missing null check: a check
    /// that looked at nothing (a glob matching no file, checkJs off, the types file left out) fails here.
    /// </summary>
    [Test]
    public async Task The_check_fails_on_a_real_type_error()
    {
        var dir = Directory.CreateTempSubdirectory("psc119-tsc-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "broken.js"), """
                // @ts-check
                /** @param {IncidentView} incident */
                export const late = incident => incident.triage.toFixed(1);
                export const title = () => document.querySelector('#title').textContent;
                """);
            var include = string.Join(", ", new[] { "wwwroot/js/**/*.js", "types/*.d.ts" }.Select(p => $"\"{Path.Combine(Console, p)}\""));
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "tsconfig.json"),
                $$"""{ "extends": "{{Path.Combine(Console, "tsconfig.json")}}", "include": [{{include}}, "broken.js"] }""");
            var (code, output) = await TscAsync("--noEmit", "-p", Path.Combine(dir.FullName, "tsconfig.json"));
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.Not.Zero, output);
                Assert.That(output, Does.Contain("broken.js(3,").And.Contain("'toFixed' does not exist on type 'string'"), output);
                Assert.That(output, Does.Contain("broken.js(4,").And.Contain("possibly 'null'"), output);
                Assert.That(output, Does.Not.Contain("wwwroot"), "only the broken file should fail:\n" + output);
            });
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
