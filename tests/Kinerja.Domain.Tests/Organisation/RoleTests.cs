using Kinerja.Domain.Organisation;
using Shouldly;

namespace Kinerja.Domain.Tests.Organisation;

public class RoleTests
{
    [Theory]
    [InlineData(Role.Head, "head", true)]
    [InlineData(Role.Secretary, "secretary", true)]
    [InlineData(Role.Coordinator, "coordinator", true)]
    [InlineData(Role.UnitHead, "unitHead", false)]
    [InlineData(Role.Staff, "staff", false)]
    [InlineData(Role.Admin, "admin", true)]
    [InlineData(Role.Viewer, "viewer", true)]
    public void Api_names_and_scope(Role role, string apiName, bool agencyWide)
    {
        role.ToApiName().ShouldBe(apiName);
        role.IsAgencyWide().ShouldBe(agencyWide);
        RoleRules.TryParseApiName(apiName, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(role);
        RoleRules.TryParseApiName(apiName.ToUpperInvariant(), out parsed).ShouldBeTrue();
        parsed.ShouldBe(role);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("boss")]
    [InlineData("0")]
    [InlineData("unit_head")]
    public void Unknown_names_are_refused(string? text) => RoleRules.TryParseApiName(text, out _).ShouldBeFalse();
}
