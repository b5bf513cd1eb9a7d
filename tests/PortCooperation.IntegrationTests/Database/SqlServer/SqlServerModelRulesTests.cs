using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using PortCooperation.Web.Data;

namespace PortCooperation.IntegrationTests.Database.SqlServer;

/// <summary>
/// Rules SQL Server enforces when the tables are created, which EF does not check when it builds the model: no
/// table reached by two ON DELETE CASCADE / SET NULL paths or by a cycle of them, every decimal with its precision,
/// no unbounded (max) column in a key or index, and keys that fit: 900 bytes for the clustered primary key, 1,700 for
/// other indexes (SQL Server creates a longer one with a warning, then refuses the rows whose key is too long). Each
/// rule is shown to catch a model that breaks it.
/// </summary>
public sealed partial class SqlServerModelRulesTests
{
    [Fact]
    public void PortalModel_FollowsSqlServerRules()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var problems = Problems(db);

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void BrokenModel_IsCaught()
    {
        using var db = new BrokenContext();

        var problems = string.Join(Environment.NewLine, Problems(db));

        problems.ShouldContain("Leaf is reached by 2 cascading paths from Root");
        problems.ShouldContain("Leaf.Amount: decimal without precision");
        problems.ShouldContain("IX_Leaf_Note: column Note is nvarchar(max)");
        problems.ShouldContain("IX_Leaf_Code_Other: key of 1800 bytes, over SQL Server's 1700");
    }

    /// <summary>
    /// Identity's own composite keys (ids and provider names of up to 450 characters each): over 900 bytes at their
    /// longest, the schema every Identity app runs on SQL Server. The ids the portal stores are 36-character GUIDs.
    /// </summary>
    private static readonly HashSet<string> IdentityKeys = new(StringComparer.Ordinal) { "PK_AspNetUserLogins", "PK_AspNetUserRoles", "PK_AspNetUserTokens" };

    public static List<string> Problems(DbContext db)
    {
        var model = db.GetService<IDesignTimeModel>().Model;
        var tables = model.GetRelationalModel().Tables.ToList();
        var problems = new List<string>();

        // Cascading paths: SQL Server refuses a foreign key that opens a second path or a cycle.
        var cascades = tables.SelectMany(t => t.ForeignKeyConstraints)
            .Where(fk => fk.OnDeleteAction is ReferentialAction.Cascade or ReferentialAction.SetNull)
            .ToLookup(fk => fk.PrincipalTable.Name, fk => fk.Table.Name);
        foreach (var root in tables.Select(t => t.Name))
        {
            var paths = new Dictionary<string, int>(StringComparer.Ordinal);
            void Walk(string table, HashSet<string> onPath)
            {
                foreach (var next in cascades[table])
                {
                    if (!onPath.Add(next))
                    {
                        problems.Add($"{next} is on a cascading cycle from {root}");
                        continue;
                    }

                    paths[next] = paths.GetValueOrDefault(next) + 1;
                    Walk(next, onPath);
                    onPath.Remove(next);
                }
            }

            Walk(root, [root]);
            problems.AddRange(paths.Where(p => p.Value > 1).Select(p => $"{p.Key} is reached by {p.Value} cascading paths from {root}"));
        }

        foreach (var table in tables)
        {
            foreach (var column in table.Columns.Where(c => c.StoreType.StartsWith("decimal", StringComparison.Ordinal) && c.PropertyMappings.Any(m => m.Property.GetPrecision() is null)))
            {
                problems.Add($"{table.Name}.{column.Name}: decimal without precision");
            }

            var keys = table.Indexes.Select(i => (i.Name, i.Columns, Limit: 1700))
                .Concat(table.UniqueConstraints.Select(u => (u.Name, u.Columns, Limit: u.GetIsPrimaryKey() ? 900 : 1700)));
            foreach (var (name, columns, limit) in keys)
            {
                var size = 0;
                foreach (var column in columns)
                {
                    if (column.StoreType.Contains("(max)", StringComparison.Ordinal) || column.StoreType is "text" or "ntext" or "image" or "xml")
                    {
                        problems.Add($"{name}: column {column.Name} is {column.StoreType}, which cannot be in an index key");
                    }
                    else
                    {
                        size += KeyBytes(column.StoreType);
                    }
                }

                if (size > limit && !IdentityKeys.Contains(name))
                {
                    problems.Add($"{name}: key of {size} bytes, over SQL Server's {limit}");
                }
            }
        }

        return problems;
    }

    /// <summary>The largest size a value of the store type takes in an index key.</summary>
    private static int KeyBytes(string storeType)
    {
        var match = Sized().Match(storeType);
        var length = match.Success ? int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var type = match.Success ? match.Groups[1].Value : storeType;
        return type switch
        {
            "nvarchar" or "nchar" => 2 * length,
            "varchar" or "char" or "varbinary" or "binary" => length,
            "decimal" or "numeric" => length <= 9 ? 5 : length <= 19 ? 9 : length <= 28 ? 13 : 17,
            "bit" or "tinyint" => 1,
            "smallint" => 2,
            "int" or "real" or "smalldatetime" => 4,
            "bigint" or "float" or "datetime" or "datetime2" or "money" => 8,
            "date" => 3,
            "time" => 5,
            "datetimeoffset" => 10,
            "uniqueidentifier" => 16,
            _ => throw new InvalidOperationException($"No key size known for store type {storeType}."),
        };
    }

    [GeneratedRegex(@"^(\w+)\((\d+)(?:,\s*\d+)?\)$")]
    private static partial Regex Sized();

    /// <summary>A model that breaks every rule, built on SQL Server without connecting.</summary>
    private sealed class BrokenContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
            optionsBuilder.UseSqlServer("Server=offline.invalid;Database=broken");

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Root>();
            modelBuilder.Entity<Middle>().HasOne<Root>().WithMany().HasForeignKey(m => m.RootId).OnDelete(DeleteBehavior.Cascade);
            modelBuilder.Entity<Leaf>(leaf =>
            {
                leaf.HasOne<Root>().WithMany().HasForeignKey(l => l.RootId).OnDelete(DeleteBehavior.Cascade);
                leaf.HasOne<Middle>().WithMany().HasForeignKey(l => l.MiddleId).OnDelete(DeleteBehavior.Cascade);
                leaf.Property(l => l.Note).HasColumnType("nvarchar(max)");
                leaf.HasIndex(l => l.Note);
                leaf.Property(l => l.Code).HasMaxLength(450);
                leaf.Property(l => l.Other).HasMaxLength(450);
                leaf.HasIndex(l => new { l.Code, l.Other });
            });
        }
    }

    private sealed class Root
    {
        public int Id { get; set; }
    }

    private sealed class Middle
    {
        public int Id { get; set; }

        public int RootId { get; set; }
    }

    private sealed class Leaf
    {
        public int Id { get; set; }

        public int RootId { get; set; }

        public int MiddleId { get; set; }

        public decimal Amount { get; set; }

        public string? Note { get; set; }

        public string Code { get; set; } = "";

        public string Other { get; set; } = "";
    }
}
