using System.Data;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using PortCooperation.Web.Data;
using PortCooperation.Web.Infrastructure;

namespace PortCooperation.IntegrationTests.Database.SqlServer;

/// <summary>T-SQL checked by Microsoft's own parser (ScriptDom, SQL Server 2022 grammar), without a server.</summary>
public static partial class SqlServerText
{
    /// <summary>The parse errors of <paramref name="sql"/>, one line each; empty when it parses.</summary>
    public static List<string> Errors(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        var found = errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();

        // Statements run through EXEC(N'...') are strings to the parser: parse them too.
        foreach (Match exec in Exec().Matches(sql))
        {
            found.AddRange(Errors(exec.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal)).Select(e => "in EXEC: " + e));
        }

        return found;
    }

    public static void ShouldParse(string sql, string what)
    {
        var errors = Errors(sql);
        errors.ShouldBeEmpty($"{what} does not parse as T-SQL:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}{Environment.NewLine}{sql}");
    }

    /// <summary>A parameterised command's text as SQL Server receives it: {0} becomes @p0.</summary>
    public static string WithParameters(FormattableString sql) => Placeholder().Replace(sql.Format, m => "@p" + m.Groups[1].Value);

    /// <summary>A SQL Server context that never connects: every command's text is collected and answered with no rows.</summary>
    public static SqlServerPortalDbContext Offline(List<string> commands)
    {
        var options = new DbContextOptionsBuilder<SqlServerPortalDbContext>();
        options.UsePortalProvider(DatabaseProvider.SqlServer, "Server=offline.invalid;Database=portal;TrustServerCertificate=True");
        options.AddInterceptors(new Capture(commands));
        return new SqlServerPortalDbContext(options.Options);
    }

    [GeneratedRegex(@"EXEC\(N'((?:[^']|'')*)'\)", RegexOptions.IgnoreCase)]
    private static partial Regex Exec();

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();

    private sealed class Capture(List<string> commands) : DbCommandInterceptor, IDbConnectionInterceptor
    {
        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) => InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            commands.Add(command.CommandText);
            return ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(new DataTable().CreateDataReader()));
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            commands.Add(command.CommandText);
            return ValueTask.FromResult(InterceptionResult<object>.SuppressWithResult(0));
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            commands.Add(command.CommandText);
            return ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(0));
        }
    }
}
