using System.Text.Json;
using Dispatch.Api.Database;

namespace Dispatch.Api.Imports;

/// <summary><c>dotnet run --project Dispatch.Api -- import-incidents FILE --mapping MAPPING.json [--dry-run]</c>.</summary>
public static class ImportCommand
{
    public const string Name = "import-incidents";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length < 3 || args[1] != "--mapping")
        {
            await Console.Error.WriteLineAsync($"usage: {Name} FILE.csv --mapping MAPPING.json [--dry-run]");
            return 2;
        }
        var errors = new Dictionary<string, string[]>();
        var mapping = ImportRequest.Parse(await File.ReadAllTextAsync(args[2]), errors);
        if (errors.Count > 0)
        {
            foreach (var (field, messages) in errors) await Console.Error.WriteLineAsync($"{field}: {string.Join(" ", messages)}");
            return 2;
        }
        await using var file = File.OpenRead(args[0]);
        var report = await services.GetRequiredService<IncidentImporter>().ImportAsync(file, mapping!, "cli-import", args.Contains("--dry-run"), CancellationToken.None);
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(report, new JsonSerializerOptions(Json.Options) { WriteIndented = true }));
        return report.Rejected.Count == 0 ? 0 : 1;
    }
}
