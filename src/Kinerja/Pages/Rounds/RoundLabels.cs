namespace Kinerja.Pages.Rounds;

/// <summary>Indonesian labels and badge colours for round and worksheet states.</summary>
public static class RoundLabels
{
    public static string Status(string s) => s switch
    {
        "notStarted" => "Belum diisi",
        "draft" => "Draf",
        "submitted" => "Terkirim",
        "returned" => "Dikembalikan",
        "verified" => "Terverifikasi",
        "late" => "Terlambat",
        "open" => "Berjalan",
        "closed" => "Ditutup",
        _ => s,
    };

    public static string Badge(string s) => s switch
    {
        "notStarted" => "text-bg-secondary",
        "draft" => "text-bg-info",
        "submitted" => "text-bg-primary",
        "returned" => "text-bg-warning",
        "verified" => "text-bg-success",
        "late" => "text-bg-danger",
        "open" => "text-bg-primary",
        _ => "text-bg-light",
    };

    public static string Review(string s) => s switch
    {
        "pending" => "Menunggu pemeriksaan",
        "accepted" => "Diterima",
        "returned" => "Dikembalikan",
        _ => s,
    };

    public static string ReviewBadge(string s) => s switch
    {
        "accepted" => "text-bg-success",
        "returned" => "text-bg-warning",
        _ => "text-bg-light border",
    };

    public static string Achievement(string status) => status switch
    {
        "computed" => "",
        "noRealization" => "Realisasi belum diisi",
        "noTarget" => "Target belum ada",
        "zeroTargetNotComputable" => "Target nol: capaian tidak dapat dihitung",
        "negativeTarget" => "Target negatif: capaian tidak dapat dihitung",
        "invalidRange" => "Rentang target tidak sah",
        "outOfRange" => "Angka di luar jangkauan hitung",
        _ => status,
    };

    public static string Changed(string field) => field switch
    {
        "realization" => "realisasi",
        "explanation" => "penjelasan",
        "evidence" => "bukti dukung",
        _ => field,
    };
}
