using System.Data;
using Dapper;

namespace Dispatch.Api.Database;

/// <summary>
/// Time points are stored as UTC milliseconds since the Unix epoch (BIGINT) in every dialect:
/// one representation, exact ordering, cheap interval arithmetic in SQL for reports.
/// </summary>
internal sealed class UnixMillisecondsHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        parameter.DbType = DbType.Int64;
        parameter.Value = value.ToUnixTimeMilliseconds();
    }

    public override DateTimeOffset Parse(object value) => DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
}

internal static class DapperSetup
{
    private static int _done;

    /// <summary>Registers type handlers and naming once per process.</summary>
    public static void Once()
    {
        if (Interlocked.Exchange(ref _done, 1) == 1) return;
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        // Dapper maps DateTimeOffset natively; drop that mapping so parameters go through the handler too.
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(new UnixMillisecondsHandler());
    }
}
