using System.Text.Json;
using Dispatch.Api.Database;

namespace Dispatch.Api.Imports;

/// <summary>
/// <c>dotnet run --project Dispatch.Api -- import-incidents FILE (--mapping MAPPING.json | --mapping-name NAME) [--dry-run]</c>:
/// the mapping from a file, or one saved from the reports page (<c>import_mappings</c>).
/// </summary>
public static class ImportCommand
{
    public const string Name = "import-incidents";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length < 3 || args[1] is not ("--mapping" or "--mapping-name"))
        {
            await Console.Error.WriteLineAsync($"usage: {Name} FILE.csv (--mapping MAPPING.json | --mapping-name NAME) [--dry-run]");
            return 2;
        }
        string json;
        if (args[1] == "--mapping") json = await File.ReadAllTextAsync(args[2]);
        else if (await services.GetRequiredService<Db>().ReadAsync(s => services.GetRequiredService<ImportMappingStore>().GetAsync(s, args[2]), CancellationToken.None) is { } saved)
            json = saved.Mapping.GetRawText();
        else
        {
            await Console.Error.WriteLineAsync($"No saved mapping named '{args[2]}'.");
            return 2;
        }
        var errors = new Dictionary<string, string[]>();
        var mapping = ImportRequest.Parse(json, errors);
        if (errors.Count > 0)
        {
            foreach (var (field, messages) in errors) await Console.Error.WriteLineAsync($"{field}: {string.Join(" ", messages)}");
            return 2;
        }
        await using var file = File.OpenRead(args[0]);
        var report = await services.GetRequiredService<IncidentImporter>().ImportAsync(file, mapping!, "cli-import", args.Contains("--dry-run"), CancellationToken.None);
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(report, new JsonSerializerOptions(Json.Options) { WriteIndented = true }));
        return report.RejectedCount == 0 ? 0 : 1;
    }
}
