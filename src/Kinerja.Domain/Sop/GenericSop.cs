using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;

namespace Kinerja.Domain.Sop;

/// <summary>
/// The generic collection SOP (steps 1-5 of domain.md's union of the seeds) for agencies that have not chosen their own:
/// the head orders, the coordinator distributes, units fill and submit, the coordinator checks (returning what needs
/// confirmation) and recaps. Rounds opened before SOP templates existed follow it under the id <c>builtin-generic</c>.
/// </summary>
public static class GenericSop
{
    public const string Id = "builtin-generic";

    public static SopTemplate Template { get; } = new(
        Id, "-", null, "Langkah 1-5 domain.md (gabungan kelima SOP contoh)",
        new SopIdentity(null, null, null, null, null, null, null, null, "SOP Pengumpulan Data Kinerja (umum)",
            ["Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah",
             "Peraturan Menteri PAN-RB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah"],
            [], [], ["Komputer/laptop", "Aplikasi Kinerja"],
            ["Data kinerja yang terlambat atau tidak valid menghambat pelaporan kinerja."],
            ["Setiap langkah tercatat di aplikasi Kinerja."]),
        [
            new SopActor("kepala", "Kepala", Role.Head),
            new SopActor("koordinator", "Kasubbag Perencanaan", Role.Coordinator),
            new SopActor("unit", "Kepala Unit", Role.UnitHead),
        ],
        [
            new SopStep(1, "Memerintahkan pengumpulan data kinerja (disposisi/nota dinas)", ["kepala"], SopStepKind.Start, SopAction.OpenRound,
                "Nota dinas", new SopTime(15, TimeUnit.Minutes), "Disposisi", null, []),
            new SopStep(2, "Menyiapkan dan mendistribusikan kertas kerja kepada setiap unit", ["koordinator"], SopStepKind.Process, SopAction.Distribute,
                "Disposisi", new SopTime(2, TimeUnit.Hours), "Kertas kerja terdistribusi", null, []),
            new SopStep(3, "Mengukur, mengisi data capaian kinerja dan mengirimkan kertas kerja", ["unit"], SopStepKind.Process, SopAction.FillAndSubmit,
                "Kertas kerja", new SopTime(5, TimeUnit.Days), "Data kinerja", null, []),
            new SopStep(4, "Memeriksa kertas kerja; yang perlu konfirmasi dikembalikan ke unit", ["koordinator"], SopStepKind.Decision, SopAction.VerifyOrReturn,
                "Data kinerja", new SopTime(2, TimeUnit.Days), "Data kinerja yang valid", null, [], YesGoesTo: 5, NoGoesTo: 3),
            new SopStep(5, "Merekapitulasi data kinerja", ["koordinator"], SopStepKind.End, SopAction.Recap,
                "Data kinerja yang valid", new SopTime(2, TimeUnit.Days), "Rekapitulasi data kinerja", null, []),
        ],
        []);
}
