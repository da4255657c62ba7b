using System.Text.Json;
using Dispatch.Api.Database;

namespace Dispatch.Api.Imports;

/// <summary>A saved import mapping: its name, the mapping JSON, who saved it last and when.</summary>
public sealed record ImportMappingView(string Name, JsonElement Mapping, string UpdatedBy, DateTimeOffset UpdatedAt);

/// <summary>Named import mappings (<c>import_mappings</c>), saved from the reports page or the API and reused by the command.</summary>
public sealed class ImportMappingStore
{
    private static readonly SqlText List = SqlText.Of("ImportMappingStore.List",
        "SELECT name, mapping, updated_by, updated_at FROM import_mappings ORDER BY name");
    private static readonly SqlText ByName = SqlText.Of("ImportMappingStore.ByName",
        "SELECT name, mapping, updated_by, updated_at FROM import_mappings WHERE name = @Name");
    private static readonly SqlText Delete = SqlText.Of("ImportMappingStore.Delete", "DELETE FROM import_mappings WHERE name = @Name");
    private static readonly SqlText Insert = SqlText.Of("ImportMappingStore.Insert",
        "INSERT INTO import_mappings (name, mapping, updated_by, updated_at) VALUES (@Name, @Mapping, @UpdatedBy, @UpdatedAt)");

    public async Task<IReadOnlyList<ImportMappingView>> ListAsync(DbSession s) => [.. (await s.QueryAsync<Row>(List)).Select(r => r.View())];

    public async Task<ImportMappingView?> GetAsync(DbSession s, string name) => (await s.SingleOrDefaultAsync<Row>(ByName, new { Name = name }))?.View();

    /// <summary>Saves (replacing one of the same name) in the caller's transaction.</summary>
    public async Task SaveAsync(DbSession s, string name, string mappingJson)
    {
        await s.ExecuteAsync(Delete, new { Name = name });
        await s.ExecuteAsync(Insert, new { Name = name, Mapping = mappingJson, UpdatedBy = s.Actor, UpdatedAt = s.Now.ToUnixTimeMilliseconds() });
    }

    public async Task<bool> DeleteAsync(DbSession s, string name) => await s.ExecuteAsync(Delete, new { Name = name }) > 0;

    private sealed class Row
    {
        public string Name { get; init; } = "";
        public string Mapping { get; init; } = "{}";
        public string UpdatedBy { get; init; } = "";
        public long UpdatedAt { get; init; }

        public ImportMappingView View() => new(Name, JsonDocument.Parse(Mapping).RootElement.Clone(), UpdatedBy, DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt));
    }
}
