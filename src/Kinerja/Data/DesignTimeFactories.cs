using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kinerja.Data;

// Used only by `dotnet ef migrations add` (see CONTRIBUTING.md): one migration set per provider.
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKinerjaDbContext>
{
    public SqliteKinerjaDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteKinerjaDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKinerjaDbContext>
{
    public PostgresKinerjaDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresKinerjaDbContext>().UseNpgsql("Host=localhost;Database=kinerja_design").Options);
}
