using Kinerja.Domain.Organisation;
using Shouldly;

namespace Kinerja.Domain.Tests.Organisation;

public class GovernmentOversightTests
{
    private static readonly Guid Lumajang = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Jambi = Guid.Parse("00000000-0000-0000-0000-000000000002");

    // agency kind, agency name, role, same government, may read
    [Theory]
    [InlineData(AgencyKind.Inspektorat, "Inspektorat Kabupaten Lumajang", Role.Viewer, true, true)]
    [InlineData(AgencyKind.Inspektorat, "Inspektorat Kabupaten Lumajang", Role.Head, true, true)]
    [InlineData(AgencyKind.Inspektorat, "Inspektorat Kabupaten Lumajang", Role.Coordinator, true, true)]
    [InlineData(AgencyKind.Inspektorat, "Inspektorat Kabupaten Lumajang", Role.Admin, true, true)]
    [InlineData(AgencyKind.Inspektorat, "Inspektorat Kabupaten Lumajang", Role.Staff, true, false)]      // a unit role
    [InlineData(AgencyKind.Inspektorat, "Inspektorat Kabupaten Lumajang", Role.UnitHead, true, false)]
    [InlineData(AgencyKind.Inspektorat, "Inspektorat Provinsi Jambi", Role.Viewer, false, false)]       // another government
    [InlineData(AgencyKind.Badan, "Badan Perencanaan Pembangunan Daerah", Role.Secretary, true, true)]   // Bappeda
    [InlineData(AgencyKind.Badan, "Badan Perencanaan, Penelitian dan Pengembangan Daerah", Role.Viewer, true, true)]
    [InlineData(AgencyKind.Badan, "BADAN PERENCANAAN PEMBANGUNAN DAERAH", Role.Head, true, true)]
    [InlineData(AgencyKind.Badan, "Badan Pendapatan Daerah", Role.Head, true, false)]                     // another Badan
    [InlineData(AgencyKind.Dinas, "Dinas Perencanaan Tata Ruang", Role.Head, true, false)]                // not a Badan
    [InlineData(AgencyKind.Kecamatan, "Kecamatan Pasrujambe", Role.Head, true, false)]
    public void Overseeing_agencies_read_their_governments_recap(AgencyKind kind, string name, Role role, bool sameGovernment, bool may)
    {
        var grant = new AgencyGrant(sameGovernment ? Lumajang : Jambi, kind, name, role);
        GovernmentOversight.MayReadGovernmentRecap(false, [grant], Lumajang).ShouldBe(may);
    }

    [Fact]
    public void The_system_administrator_reads_every_government_and_one_qualifying_grant_is_enough()
    {
        GovernmentOversight.MayReadGovernmentRecap(true, [], Lumajang).ShouldBeTrue();
        GovernmentOversight.MayReadGovernmentRecap(false, [], Lumajang).ShouldBeFalse();
        GovernmentOversight.MayReadGovernmentRecap(false,
        [
            new AgencyGrant(Lumajang, AgencyKind.Kecamatan, "Kecamatan Pasrujambe", Role.Head),
            new AgencyGrant(Lumajang, AgencyKind.Inspektorat, "Inspektorat Kabupaten Lumajang", Role.Viewer),
        ], Lumajang).ShouldBeTrue();
    }

    [Theory]
    [InlineData(AgencyKind.Inspektorat, "Inspektorat Kabupaten Lumajang", Role.Viewer, true, true)]
    [InlineData(AgencyKind.Inspektorat, "Inspektorat Kabupaten Lumajang", Role.Head, true, true)]
    [InlineData(AgencyKind.Inspektorat, "Inspektorat Kabupaten Lumajang", Role.Staff, true, false)]
    [InlineData(AgencyKind.Inspektorat, "Inspektorat Kabupaten Jambi", Role.Viewer, false, false)]
    [InlineData(AgencyKind.Badan, "Badan Perencanaan Pembangunan Daerah", Role.Head, true, false)]
    [InlineData(AgencyKind.Kecamatan, "Kecamatan Pasrujambe", Role.Head, true, false)]
    public void Only_the_governments_inspectorate_audits_its_agencies(AgencyKind kind, string name, Role role, bool sameGovernment, bool may)
    {
        var grant = new AgencyGrant(sameGovernment ? Lumajang : Jambi, kind, name, role);
        GovernmentOversight.MayAudit(false, [grant], Lumajang).ShouldBe(may);
        GovernmentOversight.MayAudit(true, [], Lumajang).ShouldBeTrue();
    }
}
