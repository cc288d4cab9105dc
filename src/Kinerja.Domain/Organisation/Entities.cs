using Kinerja.Domain.Achievement;
using Kinerja.Domain.Common;

namespace Kinerja.Domain.Organisation;

public enum GovernmentKind
{
    Province,
    Regency,
    City,
}

public enum AgencyKind
{
    Dinas,
    Badan,
    Kecamatan,
    Sekretariat,
    Inspektorat,
    Kantor,
    Other,
}

/// <summary>
/// Something people edit: <see cref="Version"/> goes up by one with every saved change and is the
/// ETag clients send back, so two people never silently overwrite each other.
/// </summary>
public interface IVersioned
{
    int Version { get; }
}

/// <summary>Something that belongs to one agency: its data is never shown to another agency's users.</summary>
public interface IAgencyOwned
{
    Guid AgencyId { get; }
}

/// <summary>Pemerintah daerah: the province, regency or city that owns agencies.</summary>
public sealed class Government
{
    private Government() { Name = string.Empty; }

    public Government(Guid id, string name, GovernmentKind kind)
    {
        Id = id;
        Name = name;
        Kind = kind;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public GovernmentKind Kind { get; private set; }
}

/// <summary>Perangkat Daerah / OPD: the organisation that runs the SOP.</summary>
public sealed class Agency : IAgencyOwned, IVersioned
{
    private Agency() { Name = string.Empty; }

    public Agency(Guid id, Guid governmentId, string name, AgencyKind kind, string? address, string? letterNumberPattern)
    {
        Id = id;
        GovernmentId = governmentId;
        Name = name;
        Kind = kind;
        Address = address;
        LetterNumberPattern = letterNumberPattern;
    }

    public Guid Id { get; private set; }
    public Guid GovernmentId { get; private set; }
    public string Name { get; private set; }
    public AgencyKind Kind { get; private set; }
    public string? Address { get; private set; }

    /// <summary>Pattern of outgoing letter numbers, e.g. <c>800/{seq}/427.96/{year}</c>.</summary>
    public string? LetterNumberPattern { get; private set; }

    /// <summary>
    /// The cap (percent, at least 100) applied to indicator achievements when they are averaged into objective and agency
    /// achievement; null for none. The uncapped value is still what is shown.
    /// </summary>
    public decimal? AchievementCap { get; private set; }

    /// <summary>The agency's own category bands, highest first; null for Permendagri 86/2017.</summary>
    public IReadOnlyList<CategoryBand>? CategoryBands { get; private set; }

    /// <summary>The scale that names achievement levels: the agency's own bands or Permendagri 86/2017.</summary>
    public CategoryScale CategoryScale => ScaleOf(CategoryBands);

    public int Version { get; private set; }

    Guid IAgencyOwned.AgencyId => Id;

    public void Update(string name, AgencyKind kind, string? address, string? letterNumberPattern)
    {
        Name = name;
        Kind = kind;
        Address = address;
        LetterNumberPattern = letterNumberPattern;
    }

    /// <summary>Sets the cap and the category bands (null for Permendagri 86/2017); both must already be valid.</summary>
    public void SetAchievementRules(decimal? cap, IReadOnlyList<CategoryBand>? bands)
    {
        if (AchievementCalculator.CapProblem(cap) is { } capProblem) throw new DomainException("achievement.cap", capProblem.ToString());
        AchievementCap = cap;
        CategoryBands = bands is null ? null : CategoryScale.Create(bands).Bands;
    }

    /// <summary>The scale of stored bands: Permendagri 86/2017 when there are none.</summary>
    public static CategoryScale ScaleOf(IReadOnlyList<CategoryBand>? bands) =>
        bands is null ? CategoryScale.Permendagri86 : CategoryScale.Create(bands);
}

/// <summary>Unit kerja: Sekretariat, Bidang, Seksi, Subbagian, UPT. A tree under the agency.</summary>
public sealed class OrgUnit : IAgencyOwned, IVersioned
{
    private OrgUnit() { Name = string.Empty; }

    public OrgUnit(Guid id, Guid agencyId, Guid? parentId, string name)
    {
        Id = id;
        AgencyId = agencyId;
        ParentId = parentId;
        Name = name;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid? ParentId { get; private set; }
    public string Name { get; private set; }
    public int Version { get; private set; }

    public void Rename(string name) => Name = name;

    public void MoveUnder(Guid? parentId) => ParentId = parentId;
}

/// <summary>Jabatan: a post in a unit, with the role it carries. Held by users over time.</summary>
public sealed class Position : IAgencyOwned
{
    private Position() { Title = string.Empty; }

    public Position(Guid id, Guid agencyId, Guid unitId, string title, Role role)
    {
        Id = id;
        AgencyId = agencyId;
        UnitId = unitId;
        Title = title;
        Role = role;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid UnitId { get; private set; }
    public string Title { get; private set; }
    public Role Role { get; private set; }

    public void Update(string title, Role role, Guid unitId)
    {
        Title = title;
        Role = role;
        UnitId = unitId;
    }
}

/// <summary>A user holding a position for a time: definitively or acting (Plt/Plh).</summary>
public sealed class PositionHolder : IAgencyOwned
{
    private PositionHolder() { }

    public PositionHolder(Guid id, Guid agencyId, Guid positionId, Guid userId, Tenure tenure)
    {
        Id = id;
        AgencyId = agencyId;
        PositionId = positionId;
        UserId = userId;
        Kind = tenure.Kind;
        From = tenure.From;
        Until = tenure.Until;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid PositionId { get; private set; }
    public Guid UserId { get; private set; }
    public TenureKind Kind { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly? Until { get; private set; }

    public Tenure Tenure => new(Kind, From, Until);

    /// <summary>Ends the holding on <paramref name="lastDay"/> (inclusive).</summary>
    public void End(DateOnly lastDay) => Until = lastDay < From ? From : lastDay;
}

/// <summary>
/// A day off the agency adds to the national list (a regional holiday, a changed joint-leave day): no working
/// day for deadlines and step timing. The national holidays of the decree are built in (IndonesianHolidays).
/// </summary>
public sealed class AgencyHoliday : IAgencyOwned
{
    private AgencyHoliday() { Name = string.Empty; }

    public AgencyHoliday(Guid id, Guid agencyId, DateOnly date, string name)
    {
        Id = id;
        AgencyId = agencyId;
        Date = date;
        Name = name;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public DateOnly Date { get; private set; }
    public string Name { get; private set; }
}
