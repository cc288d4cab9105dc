using Kinerja.Domain.Common;
using Kinerja.Domain.Sop;
using Kinerja.Features.Sop;
using Kinerja.Infrastructure;

namespace Kinerja.Pages.Sop;

/// <summary>Indonesian labels for SOP steps: standard and real durations, step states and their badge colours.</summary>
public static class SopLabels
{
    /// <summary>A standard time as the SOP writes it: "15 menit", "2 jam", "3 hari"; "-" when it gives none.</summary>
    public static Text Standard(decimal? amount, string? unit) => (amount, unit) switch
    {
        ({ } a, "minutes") => new Text("{0} menit", IndonesianFormat.Number(a)),
        ({ } a, "hours") => new Text("{0} jam", IndonesianFormat.Number(a)),
        ({ } a, "days") => new Text("{0} hari", IndonesianFormat.Number(a)),
        _ => new Text("-"),
    };

    public static Text Standard(SopTime? time) =>
        Standard(time?.Amount, time?.Unit.ToString().ToLowerInvariant());

    /// <summary>
    /// Office time a step really took: minutes under an hour, hours and minutes within a working day or two, working days
    /// beyond ("2 hari kerja" reads better than "17 jam").
    /// </summary>
    public static Text Duration(int? minutes, int? workingDays) => (minutes, workingDays) switch
    {
        (null, _) => new Text("-"),
        ({ } m, { } d) when d >= 2 && m >= 8 * 60 => new Text("{0} hari kerja", d),
        ({ } m, _) when m < 60 => new Text("{0} menit", m),
        ({ } m, _) when m % 60 == 0 => new Text("{0} jam", m / 60),
        ({ } m, _) => new Text("{0} jam {1} menit", m / 60, m % 60),
    };

    /// <summary>The state of a round's step, a key for <see cref="Status"/> and <see cref="Badge"/>.</summary>
    public static string State(RoundStepDto s) => s switch
    {
        { Applies: false } => "notApplicable",
        { CompletedAt: not null, OnTime: false } => "doneLate",
        { CompletedAt: not null, OnTime: true } => "doneOnTime",
        { CompletedAt: not null } => "done",
        { Late: true } => "late",
        { StartedAt: not null } => "running",
        _ => "notStarted",
    };

    public static string Status(string state) => state switch
    {
        "notApplicable" => "Tidak berlaku untuk periode ini",
        "doneLate" => "Selesai terlambat",
        "doneOnTime" => "Selesai tepat waktu",
        "done" => "Selesai",
        "late" => "Terlambat",
        "running" => "Berjalan",
        _ => "Belum mulai",
    };

    public static string Badge(string state) => state switch
    {
        "doneOnTime" or "done" => "text-bg-success",
        "doneLate" => "text-bg-warning",
        "late" => "text-bg-danger",
        "running" => "text-bg-primary",
        "notApplicable" => "text-bg-light border",
        _ => "text-bg-secondary",
    };

    public static string Kind(SopStepKind kind) => kind switch
    {
        SopStepKind.Start => "Kapsul (mulai)",
        SopStepKind.Decision => "Belah ketupat (keputusan)",
        SopStepKind.End => "Kapsul (selesai)",
        _ => "Kotak (proses)",
    };

    public static string PeriodKinds(IReadOnlyList<Kinerja.Domain.Plan.PeriodKind> kinds, Messages m) =>
        kinds.Count == 0 ? m["semua periode"] : string.Join(", ", kinds.Select(k => m[PeriodKind(k)]));

    public static string PeriodKind(Kinerja.Domain.Plan.PeriodKind kind) => kind switch
    {
        Kinerja.Domain.Plan.PeriodKind.Year => "tahunan",
        Kinerja.Domain.Plan.PeriodKind.Semester => "semesteran",
        Kinerja.Domain.Plan.PeriodKind.Quarter => "triwulanan",
        _ => "bulanan",
    };
}
