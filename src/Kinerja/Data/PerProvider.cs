namespace Kinerja.Data;

/// <summary>
/// One instance of <typeparamref name="T"/> per database provider. An EF Core compiled query keeps the model of the
/// first context it ran on, so a process with both providers (the tests) needs one compiled query for each.
/// </summary>
public sealed class PerProvider<T>(Func<T> make)
{
    private readonly T _sqlite = make();
    private readonly T _postgres = make();

    public T For(KinerjaDbContext db) => db is PostgresKinerjaDbContext ? _postgres : _sqlite;
}
