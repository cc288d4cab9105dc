using Kinerja.Domain.Common;

namespace Kinerja.Domain.Organisation;

/// <summary>How a user holds a position: definitively, or acting (Plt: pelaksana tugas, for a vacancy;
/// Plh: pelaksana harian, while the holder is away).</summary>
public enum TenureKind
{
    Definitive,
    Plt,
    Plh,
}

/// <summary>A holding of a position between two dates, both inclusive; an open end means "until further notice".</summary>
public readonly record struct Tenure(TenureKind Kind, DateOnly From, DateOnly? Until)
{
    public bool IsActiveOn(DateOnly day) => day >= From && (Until is null || day <= Until.Value);

    /// <summary>Validation message for a tenure, or null when it is valid.</summary>
    public static Text? Validate(TenureKind kind, DateOnly from, DateOnly? until) => (kind, until) switch
    {
        (_, { } u) when u < from => new Text("Tanggal akhir jabatan tidak boleh sebelum tanggal mulai."),
        (TenureKind.Plt or TenureKind.Plh, null) => new Text("Plt/Plh harus punya tanggal akhir."),
        _ => null,
    };

    /// <summary>The prefix written before the position title on documents ("Plt. Camat").</summary>
    public string TitlePrefix => Kind switch
    {
        TenureKind.Definitive => string.Empty,
        TenureKind.Plt => "Plt. ",
        TenureKind.Plh => "Plh. ",
    };
}
