namespace Kinerja.Pages;

/// <summary>Indonesian labels of codes shown in pages (translated like any other text).</summary>
public static class KindLabels
{
    public static string Agency(string kind) => kind switch
    {
        "dinas" => "Dinas",
        "badan" => "Badan",
        "kecamatan" => "Kecamatan",
        "sekretariat" => "Sekretariat",
        "inspektorat" => "Inspektorat",
        "kantor" => "Kantor",
        _ => "Lainnya",
    };

    public static string Role(string role) => role switch
    {
        "head" => "Kepala",
        "secretary" => "Sekretaris",
        "coordinator" => "Koordinator",
        "unitHead" => "Kepala unit",
        "staff" => "Staf",
        "admin" => "Administrator",
        "viewer" => "Pemantau",
        _ => role,
    };

    public static string Tenure(string kind) => kind switch
    {
        "Definitive" => "Definitif",
        "Plt" => "Plt",
        "Plh" => "Plh",
        _ => kind,
    };

    /// <summary>The name of a category colour.</summary>
    public static string Colour(string colour) => colour switch
    {
        "darkgreen" => "Hijau tua",
        "green" => "Hijau",
        "blue" => "Biru",
        "gold" => "Emas",
        "yellow" => "Kuning",
        "orange" => "Jingga",
        "red" => "Merah",
        _ => colour,
    };

    /// <summary>A stored NIP (18 digits) in its grouped form, or empty.</summary>
    public static string Nip(string? digits) =>
        digits is not null && Domain.Organisation.Nip.TryParse(digits, out var n, out _) ? n.ToString() : "";
}
