using Kinerja.Domain.Reports;

namespace Kinerja.Pages.Reports;

/// <summary>What report pages show for codes: kinds to choose, badge colours, the steps of the path.</summary>
public static class ReportLabels
{
    public static readonly IReadOnlyList<(string Value, string Label)> Kinds =
        [("quarterly", "Triwulan"), ("semester", "Semester"), ("annual", "Tahunan (LKjIP)")];

    /// <summary>The path a report takes, in order (returns go one step back on it).</summary>
    public static readonly IReadOnlyList<ReportStatus> Path = Enum.GetValues<ReportStatus>();

    public static ReportStatus? Status(string apiName) =>
        Path.Select(s => (ReportStatus?)s).FirstOrDefault(s => ReportWorkflow.ApiName(s!.Value) == apiName);

    public static string Badge(string status) => status switch
    {
        "draft" or "circulated" or "revised" => "text-bg-secondary",
        "finalized" or "submittedForApproval" or "coordinatorInitialled" or "initialled" or "approved" => "text-bg-warning",
        "signed" or "numbered" or "copiesRecorded" or "partlyDispatched" => "text-bg-primary",
        _ => "text-bg-success",
    };

    public static string Pdf(string status) => status switch
    {
        "queued" => "Menunggu giliran",
        "running" => "Sedang dibuat",
        "done" => "Selesai",
        "failed" => "Gagal",
        _ => "Belum dibuat",
    };
}
