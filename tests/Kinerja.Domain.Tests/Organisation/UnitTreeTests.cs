using Kinerja.Domain.Organisation;
using Shouldly;

namespace Kinerja.Domain.Tests.Organisation;

public class UnitTreeTests
{
    // agency -> sekretariat -> subbag ; agency -> seksi
    private static readonly Guid Agency = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Sekretariat = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly Guid Subbag = Guid.Parse("00000000-0000-0000-0000-000000000003");
    private static readonly Guid Seksi = Guid.Parse("00000000-0000-0000-0000-000000000004");
    private static readonly Guid Stranger = Guid.Parse("00000000-0000-0000-0000-000000000009");

    private static readonly UnitTree Tree = new([(Agency, null), (Sekretariat, Agency), (Subbag, Sekretariat), (Seksi, Agency)]);

    public static TheoryData<Guid, Guid, bool> Within => new()
    {
        { Subbag, Subbag, true },
        { Subbag, Sekretariat, true },
        { Subbag, Agency, true },
        { Seksi, Agency, true },
        { Seksi, Sekretariat, false },
        { Sekretariat, Subbag, false },
        { Agency, Seksi, false },
        { Stranger, Agency, false },
        { Agency, Stranger, false },
    };

    [Theory]
    [MemberData(nameof(Within))]
    public void IsWithin(Guid unit, Guid ancestor, bool expected) => Tree.IsWithin(unit, ancestor).ShouldBe(expected);

    public static TheoryData<Guid, Guid?, bool> Cycles => new()
    {
        { Sekretariat, Subbag, true },
        { Agency, Seksi, true },
        { Sekretariat, Sekretariat, true },
        { Subbag, Seksi, false },
        { Seksi, Subbag, false },
        { Seksi, null, false },
    };

    [Theory]
    [MemberData(nameof(Cycles))]
    public void WouldCycle(Guid unit, Guid? newParent, bool expected) => Tree.WouldCycle(unit, newParent).ShouldBe(expected);

    [Fact]
    public void A_corrupt_cyclic_tree_does_not_hang()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        new UnitTree([(a, b), (b, a)]).IsWithin(a, Guid.NewGuid()).ShouldBeFalse();
    }
}
