namespace Kinerja.Domain.Organisation;

/// <summary>Questions about the unit tree of one agency, answered from (id, parentId) pairs.</summary>
public sealed class UnitTree
{
    private readonly Dictionary<Guid, Guid?> _parent;

    public UnitTree(IEnumerable<(Guid Id, Guid? ParentId)> units) =>
        _parent = units.ToDictionary(u => u.Id, u => u.ParentId);

    public bool Contains(Guid unitId) => _parent.ContainsKey(unitId);

    /// <summary>True when <paramref name="unitId"/> is <paramref name="ancestorId"/> or lies below it.</summary>
    public bool IsWithin(Guid unitId, Guid ancestorId)
    {
        var guard = 0;
        for (Guid? current = unitId; current is { } c; current = _parent.GetValueOrDefault(c))
        {
            if (c == ancestorId) return true;
            if (++guard > _parent.Count) return false; // a cycle: treat as not within
        }

        return false;
    }

    /// <summary>Would making <paramref name="newParentId"/> the parent of <paramref name="unitId"/> create a cycle?</summary>
    public bool WouldCycle(Guid unitId, Guid? newParentId) => newParentId is { } p && IsWithin(p, unitId);
}
