// Prints MigrationBuilder code (CreateTable + CreateIndex + DropTable) for the tables of the current
// PortalDbContext model, provider-neutral, in foreign-key order. Usage:
//   dotnet run --project tools/MigrationScaffolder [TableName ...]
// With table names, only those tables are printed: paste them into a new hand-written migration.
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using PortCooperation.Web.Data;

var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite("Data Source=:memory:").Options;
using var db = new PortalDbContext(options);
var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
var wanted = new HashSet<string>(args, StringComparer.OrdinalIgnoreCase);
var tables = model.Tables.ToList();
// topological order by FK
var ordered = new List<ITable>();
var done = new HashSet<string>();
while (ordered.Count < tables.Count)
{
    foreach (var t in tables.Where(t => !done.Contains(t.Name)).OrderBy(t => t.Name, StringComparer.Ordinal))
    {
        if (t.ForeignKeyConstraints.All(fk => fk.PrincipalTable.Name == t.Name || done.Contains(fk.PrincipalTable.Name)))
        {
            ordered.Add(t); done.Add(t.Name);
        }
    }
}
string Lit(string s) => "\"" + s.Replace("\"", "\\\"") + "\"";
string TypeName(Type t) => t switch
{
    _ when t == typeof(int) => "int", _ when t == typeof(long) => "long", _ when t == typeof(string) => "string",
    _ when t == typeof(bool) => "bool", _ when t == typeof(decimal) => "decimal", _ when t == typeof(DateTime) => "DateTime",
    _ when t == typeof(DateOnly) => "DateOnly", _ when t == typeof(DateTimeOffset) => "DateTimeOffset", _ when t == typeof(Guid) => "Guid",
    _ when t == typeof(double) => "double", _ when t == typeof(short) => "short", _ when t == typeof(byte[]) => "byte[]",
    _ => throw new InvalidOperationException(t.FullName)
};
string Prop(string name) => name; // column names are valid identifiers here
var sb = new StringBuilder();
var down = new StringBuilder();
ordered = ordered.Where(t => wanted.Count == 0 || wanted.Contains(t.Name)).ToList();
foreach (var t in ordered)
{
    sb.AppendLine($"        migrationBuilder.CreateTable(");
    sb.AppendLine($"            name: {Lit(t.Name)},");
    sb.AppendLine($"            columns: table => new");
    sb.AppendLine($"            {{");
    foreach (var c in t.Columns.OrderBy(c => t.PrimaryKey!.Columns.Contains(c) ? 0 : 1).ThenBy(c => c.Order ?? 0))
    {
        var clr = Nullable.GetUnderlyingType(c.ProviderClrType) ?? c.ProviderClrType;
        var cargs = new List<string>();
        if (c.MaxLength is int ml) cargs.Add($"maxLength: {ml}");
        if (c.IsFixedLength == true) cargs.Add("fixedLength: true");
        if (c.Precision is int p) cargs.Add($"precision: {p}");
        if (c.Scale is int s) cargs.Add($"scale: {s}");
        cargs.Add($"nullable: {(c.IsNullable ? "true" : "false")}");
        var line = $"                {Prop(c.Name)} = table.Column<{TypeName(clr)}>({string.Join(", ", cargs)})";
        var prop = c.PropertyMappings.First().Property;
        if (prop.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd && t.PrimaryKey!.Columns.Count == 1 && t.PrimaryKey.Columns[0] == c && (clr == typeof(int) || clr == typeof(long)))
        {
            line += "\n                    .Annotation(\"Sqlite:Autoincrement\", true)\n                    .Annotation(\"Npgsql:ValueGenerationStrategy\", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)";
        }
        sb.AppendLine(line + ",");
    }
    sb.AppendLine($"            }},");
    sb.AppendLine($"            constraints: table =>");
    sb.AppendLine($"            {{");
    var pk = t.PrimaryKey!;
    var pkCols = pk.Columns.Count == 1 ? $"x => x.{pk.Columns[0].Name}" : $"x => new {{ {string.Join(", ", pk.Columns.Select(c => "x." + c.Name))} }}";
    sb.AppendLine($"                table.PrimaryKey({Lit(pk.Name)}, {pkCols});");
    foreach (var fk in t.ForeignKeyConstraints.OrderBy(f => f.Name, StringComparer.Ordinal))
    {
        var col = fk.Columns.Count == 1 ? $"x => x.{fk.Columns[0].Name}" : $"x => new {{ {string.Join(", ", fk.Columns.Select(c => "x." + c.Name))} }}";
        var pcol = fk.PrincipalColumns.Count == 1 ? $"principalColumn: {Lit(fk.PrincipalColumns[0].Name)}" : $"principalColumns: new[] {{ {string.Join(", ", fk.PrincipalColumns.Select(c => Lit(c.Name)))} }}";
        sb.AppendLine($"                table.ForeignKey(");
        sb.AppendLine($"                    name: {Lit(fk.Name)},");
        sb.AppendLine($"                    column: {col},");
        sb.AppendLine($"                    principalTable: {Lit(fk.PrincipalTable.Name)},");
        sb.AppendLine($"                    {pcol},");
        sb.AppendLine($"                    onDelete: ReferentialAction.{fk.OnDeleteAction});");
    }
    sb.AppendLine($"            }});");
    sb.AppendLine();
}
foreach (var t in ordered)
{
    foreach (var ix in t.Indexes.OrderBy(i => i.Name, StringComparer.Ordinal))
    {
        var cols = ix.Columns.Count == 1 ? $"column: {Lit(ix.Columns[0].Name)}" : $"columns: new[] {{ {string.Join(", ", ix.Columns.Select(c => Lit(c.Name)))} }}";
        var extra = ix.IsUnique ? ",\n            unique: true" : "";
        if (ix.Filter is not null) extra += $",\n            filter: {Lit(ix.Filter)}";
        sb.AppendLine($"        migrationBuilder.CreateIndex(\n            name: {Lit(ix.Name)},\n            table: {Lit(t.Name)},\n            {cols}{extra});\n");
    }
}
foreach (var t in Enumerable.Reverse(ordered))
{
    down.AppendLine($"        migrationBuilder.DropTable(name: {Lit(t.Name)});");
}
Console.WriteLine("//UP");
Console.Write(sb);
Console.WriteLine("//DOWN");
Console.Write(down);
