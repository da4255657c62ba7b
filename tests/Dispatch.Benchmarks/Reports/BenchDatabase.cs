using System.Data.Common;

namespace Dispatch.Benchmarks.Reports;

/// <summary>
/// A database the reports benchmark fills and reads: the app's schema (its own migrations), the
/// shared history written by the dialect's fastest bulk path, and the shared SQL for the rest.
/// </summary>
internal abstract class BenchDatabase
{
    /// <summary>The app's Database:Provider for this database.</summary>
    public abstract string Provider { get; }

    /// <summary>The connection string the app reads it with.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>Where it is and how large, for the log.</summary>
    public abstract Task<string> DescribeAsync();

    public abstract void Migrate();

    /// <summary>Writes incidents number <paramref name="from"/> to <paramref name="to"/> (exclusive) and their calls.</summary>
    protected abstract Task WriteAsync(DbConnection connection, long from, long to);

    protected abstract DbConnection Connect();

    /// <summary>Session settings for bulk writing (e.g. SQLite's synchronous = OFF), outside a transaction.</summary>
    protected virtual string? BulkSettings => null;

    /// <summary>
    /// After writing: what the database needs to plan and read as it would in steady use (statistics;
    /// on PostgreSQL also the visibility map that autovacuum keeps, without which an index-only scan
    /// visits the table).
    /// </summary>
    protected virtual string? AfterWriting => null;

    /// <summary>Brings the database to <paramref name="incidents"/> incidents, all with responses; says what it did.</summary>
    public async Task FillAsync(int incidents)
    {
        Migrate();
        await using var connection = Connect();
        await connection.OpenAsync();
        if (BulkSettings is { } settings) await ExecuteAsync(connection, settings);
        await ExecuteAsync(connection, ReportsHistory.UnitsSql);
        var existing = await CountAsync(connection, "incidents");
        var changed = false;
        if (existing < incidents)
        {
            var fill = System.Diagnostics.Stopwatch.StartNew();
            await WriteAsync(connection, existing, incidents);
            Console.WriteLine($"generated {incidents - existing:N0} incidents in {fill.Elapsed.TotalSeconds:0.0} s");
            changed = true;
        }
        var responses = System.Diagnostics.Stopwatch.StartNew();
        long added = 0;
        await using (var tx = await connection.BeginTransactionAsync())
        {
            foreach (var sql in ReportsHistory.ResponsesSql) added += await ExecuteAsync(connection, sql, tx);
            await tx.CommitAsync();
        }
        if (added > 0)
        {
            Console.WriteLine($"generated {added:N0} responses in {responses.Elapsed.TotalSeconds:0.0} s");
            changed = true;
        }
        if (changed && AfterWriting is { } after)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await ExecuteAsync(connection, after);
            Console.WriteLine($"{after} in {watch.Elapsed.TotalSeconds:0.0} s");
        }
        Console.WriteLine($"database {await DescribeAsync()}: {await CountAsync(connection, "incidents"):N0} incidents, {await CountAsync(connection, "responses"):N0} responses");
    }

    protected static async Task<int> ExecuteAsync(DbConnection connection, string sql, DbTransaction? tx = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        command.CommandTimeout = 0; // a million rows may take minutes
        return await command.ExecuteNonQueryAsync();
    }

    protected static async Task<long> CountAsync(DbConnection connection, string table)
    {
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM {table}";
        return Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    protected static void Progress(long done, long to) => Console.Write($"\r{done:N0} / {to:N0}");
}
