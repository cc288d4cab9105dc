using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Domain.Plan;
using static Kinerja.Domain.Sop.SopAction;
using K = Kinerja.Domain.Sop.SopStepKind;
using U = Kinerja.Domain.Common.TimeUnit;

namespace Kinerja.Domain.Sop;

/// <summary>
/// The five seed SOPs (<c>docs/seeds</c>, OCR'd text of real SOP documents) as built-in templates, written as
/// they are: wording, typing slips and empty fields kept; only OCR line wrapping and stray scan marks removed.
/// Where the text lost the swimlane marks, each step's actors are inferred from its wording and the inference is
/// listed in <see cref="SopTemplate.Facts"/>, as is every other thing the source leaves unclear.
/// </summary>
public static class BuiltInSops
{
    private static SopStep Step(int number, string activity, string[] actors, SopAction action, string? inputs,
        decimal amount, U unit, string? output, string? note = null, K kind = K.Process, PeriodKind[]? periods = null, int? noGoesTo = null) =>
        new(number, activity, actors, kind, action, inputs, new SopTime(amount, unit), output, note, periods ?? [], null, noGoesTo);

    private static readonly PeriodKind[] Quarter = [PeriodKind.Quarter];
    private static readonly PeriodKind[] Semester = [PeriodKind.Semester];
    private static readonly PeriodKind[] SemesterAndYear = [PeriodKind.Semester, PeriodKind.Year];
    private static readonly PeriodKind[] Year = [PeriodKind.Year];

    // Declared after the period arrays above: static initializers run in textual order.
    public static IReadOnlyList<SopTemplate> All { get; } = [Seed000(), Seed001(), Seed002(), Seed003(), Seed004()];

    public static SopTemplate? Find(string? id) => All.FirstOrDefault(t => t.Id == id);

    /// <summary>Kecamatan Pasrujambe, Kabupaten Lumajang: from the order to compile the LAKIP to its dispatch.</summary>
    private static SopTemplate Seed000() => new(
        "seed-000-pasrujambe", "Kecamatan Pasrujambe", "Kabupaten Lumajang", "000_11b9cab88f0057de.txt",
        new SopIdentity(
            Number: "800/ 2101 /427.96/2020", MadeOn: "30 Desember 2020", RevisedOn: "31 Desember 2020", EffectiveOn: null,
            ApprovedByName: "DIAN NURWISJDAH K.H.P., S.Psi.MM", ApprovedByPosition: "CAMAT PASRUJAMBE", ApprovedByRank: "Pembira",
            ApprovedByNip: "19771023 200501 1 009",
            Name: "SOP PENGUMPULAN DATA KINERJA",
            LegalBasis:
            [
                "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Tahun 2014 Nomor 244, Tambahan Lembaran Negara Nomor 5587);",
                "Peraturan Pemerintah Nomor 3 Tahun 2006 tentang Pelaporan Keuangan dan Kinerja Instansi Pemerintah (Lembaran Negara Tahun 2006 Nomor 25, Tambahan Lembaran Negara Nomor 4614);",
                "Peraturan Presiden Nomor 81 Tahun 2010 tentang Grand Design Reformasi Birokrasi 2010-2025;",
                "Peraturan Presiden nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah;",
                "Keputusan Menteri Pendayagunaan Aparatur Negara Nomor KEP/135/M.PAN/9/2004 tentang Pedoman Umum Evaluasi Laporan Akuntabilitas Kinerja Instansi Pemerintah.",
                "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 25 Tahun 2012 tentang Petunjuk Pelaksanaan Evaluasi Akuntabilitas Kinerja Instansi Pemerintah;",
                "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 20 Tahun 2013 tentang Perubahan Lampiran Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 25 Tahun 2012 Tentang Petunjuk Pelaksanaan Evaluasi Akuntabilitas Kinerja Instansi Pemerintah;",
                "Peraturan Menteri Negara Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu Atas Laporan Kinerja",
                "Peraturan Bupati Lumajang Nomor 5 Tahun 2018 tentang Pedoman Penyusunan Perjanjian Kinerja;",
                "Peraturan Bupati Lumajang Nomor 6 Tahun 2018 tentang Pedoman Penyusunan Pelaporan Kinerja.",
            ],
            Qualifications:
            [
                "Camat Pasrujambe.",
                "Sekretaris Kecamatan.",
                "Para Kasir Kecamatan Pasrujambe",
                "Para Kasubbag Kecamatan Pasrujambe",
                "Para Staf Kecamatan Pasrujambe",
            ],
            Related:
            [
                "Foto Copy Cascading", "SK Tim Sakip", "IKU Tahun 2017", "IKI Tahun 2017", "Renstra", "Renja/RKT Tahun 2017",
                "PK Tahun 2017", "PK Individu", "Rencana Aksi Tahun 2017", "DPA Tahun 2017", "Rencana Aksi Individu",
                "LKJIP Tahun 2017", "Renja Tahun 2018", "Rencana Aksi Tahun 2018",
            ],
            Equipment: ["ATK", "Komputer/ Laptop", "Printer", "Kursi", "Meja", "Filing Kabinet"],
            Warnings: ["Apabila SOP Pengumpulan data kinerja tidak diselesaikan maka kegiatan Pelaporan akan terhambat"],
            Recording: ["Setiap tahap kegiatan terdokumentasi dengan baik dalam bentuk soft copy maupun hard copy"]),
        [
            new SopActor("camat", "Camat", Role.Head),
            new SopActor("sekcam", "Sekcam", Role.Secretary),
            new SopActor("kasi", "Kasi/Kasubbag", Role.UnitHead),
            new SopActor("staff", "staff", Role.Staff),
        ],
        [
            Step(1, "Memerintahkan penyusunan LAKIP", ["camat"], OpenRound, "Nota dinas", 3, U.Minutes, "Dokumen", kind: K.Start),
            Step(2, "Menyampaikan format pengumpulan data dan informasi kinerja dari masing2 bagian", ["sekcam"], Distribute, "Dokumen", 60, U.Minutes, "Dokumen"),
            Step(3, "Menghimpun format data dan informasi kinerja dari masing2 bagian", ["kasi", "staff"], FillAndSubmit, "Dokumen", 60, U.Minutes, "Dokumen"),
            Step(4, "Menganalisis dan mengevaluasi data dan informasi kinerja yg terkumpul", ["staff"], Recap, "Dokumen", 60, U.Minutes, "Dokumen"),
            Step(5, "Membuat draft Lakip", ["staff"], DraftReport, "Dokumen", 60, U.Minutes, "Dokumen"),
            Step(6, "Mengoreksi draft Lakip", ["sekcam"], Revise, "Dokumen", 60, U.Minutes, "Dokumen"),
            Step(7, "Rapat Finalisasi Lakip", ["camat", "sekcam", "kasi"], FinalizationMeeting, "Dokumen", 60, U.Minutes, "Dokumen"),
            Step(8, "Menyampaikan dokumen Lakip kepada Kepala Kantor untuk persetujuan", ["sekcam"], SubmitForApproval, "Dokumen", 60, U.Minutes, "Dokumen"),
            Step(9, "Penandatanganan dokumen Lakip oleh Kepala Kantor", ["camat"], Sign, "Dokumen", 60, U.Minutes, "Dokumen"),
            Step(10, "Penandatanganan dokumen Lakip oleh Kepala Kantor", ["camat"], None, "Dokumen", 60, U.Minutes, "Dokumen"),
            Step(11, "Pembuatan surat pengantar pengiriman sekaligus penomoran", ["staff"], NumberCoverLetter, "Dokumen", 60, U.Minutes, "Dokumen"),
            Step(12, "Penggandaan Dokumen Lakip", ["staff"], Copies, "Dokumen", 60, U.Minutes, "Dokumen"),
            Step(13, "Pengiriman dokumen Lakip", ["staff"], Dispatch, "Dokumen", 60, U.Minutes, "Dokumen", kind: K.End),
        ],
        [
            "Baris 9 dan 10 pada sumber sama-sama 'Penandatanganan dokumen Lakip oleh Kepala Kantor'; keduanya dipertahankan, hanya baris 9 yang terikat ke penandatanganan, baris 10 diselesaikan manual.",
            "Judul kolom waktu pada sumber tertulis 'Waktu (Merit)', salah baca OCR untuk 'Waktu (Menit)'; waktu dicatat dalam menit.",
            "Tanggal Pengesahan pada sumber kosong.",
            "Dasar Hukum nomor 7 sampai 10 pada teks sumber terpisah dan muncul setelah Kualifikasi Pelaksana (tata letak dua kolom); disatukan kembali sesuai nomornya.",
            "Pangkat pengesah tertulis 'Pembira' (kemungkinan 'Pembina'); dibiarkan seperti tertulis.",
            "Kualifikasi 'Para Kasir Kecamatan Pasrujambe' dibiarkan seperti tertulis (kemungkinan 'Kasi').",
            "Di bawah Peralatan/Perlengkapan sumber menulis: 'Penjelasan : Bahan tersebut diperlukan sebagai Pengumpulan Data Kinerja Pegawai Negeri Sipil'.",
            "Alamat pada kop sumber: Jl. RAYA FAGOWAN.",
            "Tanda lajur pelaksana hilang pada teks sumber di semua baris; pelaksana tiap langkah disimpulkan dari bunyi kegiatannya seperti berikut.",
            "Langkah 1: Camat, karena memerintahkan penyusunan LAKIP.",
            "Langkah 2: Sekcam, yang meneruskan perintah Camat ke masing-masing bagian.",
            "Langkah 3: Kasi/Kasubbag (mengisi data bagiannya) dan staff (menghimpun).",
            "Langkah 4: staff, yang menganalisis data terkumpul; diikat ke rekapitulasi karena hasilnya bahan laporan.",
            "Langkah 5: staff, yang menyusun draf.",
            "Langkah 6: Sekcam, yang mengoreksi draf.",
            "Langkah 7: Camat, Sekcam dan Kasi/Kasubbag sebagai peserta rapat finalisasi.",
            "Langkah 8: Sekcam, yang menyampaikan dokumen kepada Kepala Kantor (Camat).",
            "Langkah 9 dan 10: Camat, karena penandatanganan oleh Kepala Kantor.",
            "Langkah 11 sampai 13: staff, untuk surat pengantar, penggandaan dan pengiriman.",
        ]);

    /// <summary>Kecamatan Paring Selatan, Kabupaten Balangan: quarterly, semester and annual performance reports.</summary>
    private static SopTemplate Seed001() => new(
        "seed-001-paring-selatan", "Kecamatan Paring Selatan", "Kabupaten Balangan", "001_6346108e969307c8.txt",
        new SopIdentity(
            Number: "02 JANUARI 2023", MadeOn: "02 JANUARI 2023", RevisedOn: null, EffectiveOn: "02 JANUARI 2023",
            ApprovedByName: "RENNY YUDISTHESIA, S.I.P., M.I.P.", ApprovedByPosition: "CAMAT PARING SELATAN", ApprovedByRank: null,
            ApprovedByNip: "19880619 200701 2 002",
            Name: "Pengumpulan Data Kinerja",
            LegalBasis:
            [
                "Peraturan Presiden RI Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah",
                "Peraturan Menteri PAN-RB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu Atas Laporan Kinerja Instansi Pemerintah",
                "Peraturan Bupati No. 19 Tahun 2016 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah",
            ],
            Qualifications:
            [
                "Memiliki kemampuan pengolahan data",
                "Mengetahui tugas dan fungsi Sistem Akuntabilitas Kinerja Instansi Pemerintah",
                "Mengetahui tugas dan fungsi dalam pembuatan laporan kinerja",
            ],
            Related: ["SOP Perjanjian Kinerja", "SOP RKT", "SOP Penyusunan Laporan Kinerja"],
            Equipment:
            [
                "Renstra SKPD", "Renja", "Dokumen Perjanjian Kinerja", "Format Indikator Kinerja Utama", "Rencana Kerja Tahunan (RKT)",
                "Perangkat komputer",
            ],
            Warnings: ["Jika SOP tidak dilaksanakan maka penyusunan LAKIP tidak maksimal dan tidak tercapainya kinerja sesuai target yang ditetapkan"],
            Recording: []),
        [
            new SopActor("staf", "Start/JF", Role.Staff),
            new SopActor("kasi", "Kasi", Role.UnitHead),
            new SopActor("kasubbag", "Kasubdag", Role.Coordinator),
            new SopActor("sekcam", "Sekcam", Role.Secretary),
            new SopActor("camat", "Camat", Role.Head),
        ],
        [
            Step(1, "Mengumpulkan data laporan kinerja triwulan", ["staf"], OpenRound, "Perjanjian Kinerja dan Rencana Aksi", 15, U.Minutes,
                "Perjanjian Kinerja, Rencana Aksi dan Lembar Disposisi", kind: K.Start, periods: Quarter),
            Step(2, "Merekap laporan kinerja triwulan", ["kasubbag"], Recap, "Perjanjian Kinerja, Rencana Aksi dan Lembar Disposisi", 30, U.Minutes,
                "Disposisi Perjanjian Kinerja dan Rencana Aksi", periods: Quarter),
            Step(3, "Mengolah dan Menyusun laporan kinerja triwulan", ["kasi"], DraftReport, "Disposisi Perjanjian Kinerja dan Rencana Aksi", 30, U.Minutes,
                "Draft Laporan Kinerja Triwulan", periods: Quarter),
            Step(4, "Mensosialisasikan laporan kinerja triwulan kepada pejabat terkait", ["kasubbag", "staf"], Circulate, "Draft Laporan Kinerja Triwulan", 1, U.Hours,
                "Draft Laporan Kinerja Triwulan", periods: Quarter),
            Step(5, "Merekap 2 (dua) laporan triwulan untuk menyusun laporan", ["kasubbag"], None, "Draft Laporan Kinerja Triwulan", 2, U.Days,
                "Draft Laporan Kinerja Semesteran", periods: Semester),
            Step(6, "Menyusun laporan semester dan laporan tahunan", ["kasi"], None, "Draft Laporan Kinerja Semesteran", 5, U.Days,
                "Draft Laporan Kinerja Semesteran", periods: SemesterAndYear),
            Step(7, "Mensosialisasikan laporan semesteran", ["kasubbag", "staf"], None, "Draft Laporan Kinerja Semesteran", 1, U.Hours,
                "Draft Laporan Kinerja Semesteran", periods: Semester),
            Step(8, "Menyusun 2 (dua) Laporan semesteran menjadi laporan kinerja tahunan", ["kasi"], None, "Draft Laporan Kinerja Semesteran", 30, U.Minutes,
                "Laporan Kinerja Semesteran", kind: K.End, periods: Year),
        ],
        [
            "Nomor SOP pada sumber berisi tanggal '02 JANUARI 2023'; dibiarkan seperti tertulis.",
            "Tanggal Revisi pada sumber '-': dicatat kosong.",
            "Nama dan NIP pengesah diambil dari blok tanda tangan di akhir dokumen, yang menulis jabatannya 'CAMAT PARINGIT SELATAN'; jabatan pada identitas ditulis 'CAMAT PARING SELATAN' seperti pada baris Pengesahan.",
            "Sumber tidak menulis pangkat pengesah dan tidak memuat Pencatatan dan Pendataan.",
            "Kualifikasi Pelaksana dan Peralatan/Perlengkapan tidak berjudul pada teks sumber: kolom kanan Dasar Hukum dibaca sebagai Kualifikasi Pelaksana dan kolom kanan Keterkaitan sebagai Peralatan/Perlengkapan.",
            "Judul lajur 'Start/JF' dan 'Kasubdag' dibiarkan seperti tertulis (kemungkinan 'Staf/JF' dan 'Kasubbag').",
            "Kolom Keterangan berisi '-' di semua baris: dicatat kosong.",
            "Langkah 1 sampai 4 berlaku untuk triwulan, langkah 5 dan 7 untuk semester, langkah 6 untuk semester dan tahunan, langkah 8 untuk tahunan, sesuai bunyi kegiatannya.",
            "Langkah 5 sampai 8 (semester dan tahunan) tidak diikat ke tindakan sistem karena tindakan yang sama sudah terikat pada langkah triwulan; diselesaikan manual.",
            "Langkah 1: tanda 'Mulai' ada di lajur Start/JF; pelaksananya Start/JF.",
            "Tanda lajur langkah 2 sampai 8 hilang; pelaksananya disimpulkan dari langkah sejenis pada seed 003 yang formatnya sama, seperti berikut.",
            "Langkah 2: Kasubdag, seperti rekap triwulan oleh Kasubag pada seed 003.",
            "Langkah 3: Kasi, seperti penyusunan laporan triwulan oleh Kepala Seksi pada seed 003.",
            "Langkah 4: Kasubdag dan Start/JF, seperti sosialisasi oleh Kasubag dan Staf pada seed 003.",
            "Langkah 5: Kasubdag, yang merekap.",
            "Langkah 6: Kasi, yang menyusun laporan.",
            "Langkah 7: Kasubdag dan Start/JF, yang mensosialisasikan.",
            "Langkah 8: Kasi, yang menyusun laporan tahunan.",
            "Lajur Sekcam dan Camat tidak dipakai oleh langkah mana pun menurut teks sumber.",
        ]);

    /// <summary>Kecamatan Tanjunganom: the request for data, its collection and its analysis (four steps).</summary>
    private static SopTemplate Seed002() => new(
        "seed-002-tanjunganom", "Kecamatan Tanjunganom", "Kabupaten Nganjuk", "002_11bcce06db78d3e7.txt",
        new SopIdentity(
            Number: "30 . 4 / 2019", MadeOn: "September 2019", RevisedOn: null, EffectiveOn: null,
            ApprovedByName: null, ApprovedByPosition: null, ApprovedByRank: null, ApprovedByNip: null,
            Name: "MEKANISME PENGUMPULAN DATA KINERJA",
            LegalBasis:
            [
                "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Indonesia Nomor 29 tahun 2010 tentang Pedoman Penyusunan Penetapan Kinerja dan Pelaporan Akuntabilitas Kinerja Intansi Pemerintah",
                "Peratutan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik Indonesia Nommr 35 Tahun 2012 tentang Pedoman Penyusunan Standar Operasioanal Prosedur Administrasi Pemerintahan",
                "Peraturan Daerah Kabupaten Nganjuk Nomor 8 Tahun 2016 Tentang Pembentukan dan Susunan Perangkat Daerah kabupaten Nganjuk",
                "Peraturan Bupati Nganjuk Nomor 07 tahun 2012 tentang Penyusunan Standar Operasioanal Prosedur di Lingkungan Pemerintah Kabupaten Nganjuk",
                "Peraturan Bupati Nganjuk Nomor 41 Tahun 2016 tentang Kedudukan, Susunan Organisasi, Tuas, dan Fungsi, Serta Tata Kerja Perangkat Daerah Kabupaten Nganjuk",
            ],
            Qualifications:
            [
                "Memahami Peraturan Perundangan yang tepat",
                "Memahami sasaran dan Capaian program",
                "mengetahui tugas, poko, dan fungsi, uraian tugas kecamatan",
                "Memahami Rencana Pembangunan Jangka Menengah (RPJMD) Pemerintah Daerah secara keseluruhan dan Penjabarannya melalui Renstra SKPD",
            ],
            Related:
            [
                "SOP Peyusunan Renstra", "SOP Penyusunan Rencana Kerja Tahunan (RKT)", "SOP Penyusunan Penetapan Kinerja (TAPKIN)",
                "SOP Penyusunan laporan Capaian Kinerja dan SOP",
            ],
            Equipment:
            [
                "Peraturan perundang-undangan yang berlaku dan terkait dengan SAKIP",
                "data dan Informasi yang terkait dengan pelaksanaan Program",
                "ATK",
                "Komputer/ Laptop yang dilengkapi Printer dan program kerja",
            ],
            Warnings: ["Apabila Pengumpulan data kinerja terselesaikan dengan baik dan benar maka kegiatan pelaporan akan terhambat"],
            Recording:
            [
                "Kepala SKPD : lembar disposisi/arahan;tanda tangan",
                "Sekretaris SKPD : Lembar disposisi;paraf",
                "Kasubag Perencana : Lembar disposisi ;paraf",
                "Setiap tahap terdokumentasi dengan baik, baik dalam bentuk Soft copy maupun Hard Copy",
            ]),
        [
            new SopActor("kasubbag", "Kasubag Program Evaluasi dan Keuangan", Role.Coordinator),
            new SopActor("staf", "Staf", Role.Staff),
            new SopActor("kasi", "Kasi", Role.UnitHead),
        ],
        [
            Step(1, "Memerintahkan Staf untuk menyampaikan format permintaan data dan informasi kinerja kepada Kasi", ["kasubbag"], OpenRound, "Dokumen", 5, U.Minutes,
                "Dokumen format data", kind: K.Start),
            Step(2, "Menyampaikan format permintaan data dan informasi kinerja kepada Kasi", ["staf"], Distribute, "Dokumen", 5, U.Minutes, "Dokumen format data"),
            Step(3, "Menghimpun data dan informasi kinerja dari masing-masing Kasi dan menyampaikan kepada Kasubag Program Evaluasi dan Keuangan", ["kasi", "staf"],
                FillAndSubmit, "Dokumen", 3, U.Days, "Dokumen capaian kinerja"),
            Step(4, "Menganalisa dan mengevaluasi data dan informasi kinerja yang telah terkumpul sebagai bahan penyusunan laporan kinerja", ["kasubbag"], Recap,
                "Dokumen", 4, U.Days, "Rekap Hasil Capaian Pengumpulan data Kinerja bulan/triwulan", kind: K.End),
        ],
        [
            "Pemerintah daerah tidak tertulis di kop sumber; Kabupaten Nganjuk disimpulkan dari Dasar Hukum (Peraturan Daerah dan Peraturan Bupati Nganjuk).",
            "Tanggal Revisi, Tanggal Efektif dan Disahkan Oleh pada sumber kosong.",
            "Peringatan tertulis '... terselesaikan dengan baik dan benar maka kegiatan pelaporan akan terhambat' (tanpa 'tidak'); dibiarkan seperti tertulis.",
            "Teks sumber berakhir pada langkah 4; langkah 4 dianggap langkah selesai.",
            "Tanda lajur pelaksana hilang pada teks sumber; pelaksana tiap langkah disimpulkan dari bunyi kegiatannya seperti berikut.",
            "Langkah 1: Kasubag Program Evaluasi dan Keuangan, yang memerintahkan Staf dan kepadanya data disampaikan (langkah 3).",
            "Langkah 2: Staf, yang diperintah menyampaikan format kepada Kasi.",
            "Langkah 3: Kasi (memberikan data) dan Staf (menghimpun dan menyampaikan kepada Kasubag).",
            "Langkah 4: Kasubag Program Evaluasi dan Keuangan, yang menerima data terkumpul; diikat ke rekapitulasi karena outputnya rekap hasil capaian.",
        ]);

    /// <summary>Dinas Kelautan dan Perikanan, Kabupaten Lombok Timur: quarterly, semester and annual performance reports.</summary>
    private static SopTemplate Seed003() => new(
        "seed-003-dkp-lombok-timur", "Dinas Kelautan dan Perikanan", "Kabupaten Lombok Timur", "003_d3e07cc3412ab670.txt",
        new SopIdentity(
            Number: "523/22.a/Kelkan/2024", MadeOn: "24 Januari 2024", RevisedOn: null, EffectiveOn: null,
            ApprovedByName: "M. ZAINUDDIN S.Pi.M.Si", ApprovedByPosition: "Kepala Dinas Kelautan dan Perikanan Kabupaten Lombok Timur",
            ApprovedByRank: "Rembina TK.I (IV/b)", ApprovedByNip: "19760701 200901 1 005",
            Name: "Standar Oprasional Prosedur (SOP) Pengumpulan Data Kinerja",
            LegalBasis:
            [
                "Peraturan Presiden Nomor 29 Tahun 2014 Tentang System Akuntabilitas Kinerja Instansi Pemerintah",
                "Peraturan Menteri Pendayagunaan Aparatur Negara Dan Reformasi Birokrasi Nomor 53 Tahun 2014 Tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja Dan Tata Cara Review Atas Laporan Kinerja",
                "Peraturan daerah Kabupaten Lombok Timur Nomor 6 Tahun 2016 Tentang Pembentukan dan Susunan Perangkat Daerah.",
                "Peraturan Bupati Kabupaten Lombok Timur nomor 29 tahun 2021 tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Dinas Kelautan dan Perikanan",
            ],
            Qualifications:
            [
                "Memiliki kemampuan pengolahan data",
                "Mengetahui tugas dan fungsi system akuntabilitas kinerja instansi pemerintah",
                "Mengetahui tugas dan fungsi dalam pembuatan laporan kinerja",
            ],
            Related: ["SOP Surat Keluar", "SOP Pembuatan Pelaksanaan Kegiatan", "SOP Penyusunan Laporan Kinerja"],
            Equipment: ["Komputer dan Kelengkapan", "ATK"],
            Warnings: ["Jika SOP tidak dilaksanakan maka penyusunan LAKIP tidak maksimal dan tidak tercapainya kinerja sesuai target yang ditetapkan"],
            Recording: ["Disimpan sebagai data elektronik dan manual"]),
        [
            new SopActor("sekdis", "Sekretaris Dinas", Role.Secretary),
            new SopActor("kabid", "Kepala Bidang", Role.UnitHead),
            new SopActor("kasubbag", "Kasubag Keuangan dan Pelaporan", Role.Coordinator),
            new SopActor("kasi", "Kepala Seksi", Role.UnitHead),
            new SopActor("staf", "Staf Penyusun Evaluasi Kinerja", Role.Staff),
        ],
        [
            Step(1, "Mengumpulkan data laporan kinerja triwulan kepada subbag/seksi, OPD dan instansi terkait", ["sekdis"], OpenRound,
                "Perjanjian kinerja ,Rencana Aksi", 30, U.Minutes, "Disposisi", kind: K.Start, periods: Quarter),
            Step(2, "Merekap laporan kinerja triwulan", ["kasubbag"], Recap, "Disposisi Perjanjian Kinerja, Kinerja Aksi", 60, U.Minutes, "Lembar Disposisi",
                periods: Quarter),
            Step(3, "Mengolah data laporan kinerja triwulan", ["kabid"], None, "Disposisi Perjanjian Kinerja, Rencana Aksi, Laporan Progres Bulanan", 30, U.Minutes,
                "Draf Laporan Kinerja", periods: Quarter),
            Step(4, "Menyusun laporan kinerja triwulan", ["kasi"], DraftReport, "Perjanjian Kinerja ,Rencana Aksi,Draf Laporan Kinerja", 60, U.Minutes,
                "Draf Laporan Kinerja", periods: Quarter),
            Step(5, "Mensosialisasikan laporan kinerja triwulan kepada pejabat terkait", ["kasubbag", "staf"], Circulate,
                "Perjanjian Kinerja,Rencana Aksi, Draf Laporan Kinerja", 30, U.Minutes, "Draf Laporan Kinerja", periods: Quarter),
            Step(6, "Merekap 3 (tiga) laporan tahunan", ["kasubbag"], None, "Catatan Pembagian Tugas", 3, U.Days, "Disposisi", periods: Year),
            Step(7, "Menyusun laporan semester dan laporan tahunan", ["kasi"], None, "Data Laporan Kinerja Triwulan", 5, U.Days, "Lembar Disposisi",
                periods: SemesterAndYear),
            Step(8, "Mensosialisasikan laporan semesteran", ["kasubbag", "staf"], None, "Hasil Koreksi Laporan Kinerja Triwulan", 60, U.Minutes,
                "Draf Laporan Kinerja", periods: Semester),
            Step(9, "Menyusun 2 (dua) laporan semesteran menjadi laporan kinerja tahunan", ["kasi"], None, "Laporan Kinerja Triwulan", 60, U.Minutes,
                "Draf Laporan Kinerja", kind: K.End, periods: Year),
        ],
        [
            "Kop sumber juga memuat 'KEPALA SUB BAGIAN KEUANGAN DAN PELAPORAN' sebagai unit pemilik SOP, dan alamat Jln. Dr. Cipto Mangunkusumo No. 10 Selong.",
            "Teks sumber hanya memuat dua nilai identitas (nomor dan tanggal pembuatan); Tanggal Revisi dan Tanggal Efektifitas dicatat kosong.",
            "Pangkat pengesah tertulis 'Rembina TK.I (IV/b)' (kemungkinan 'Pembina'); dibiarkan seperti tertulis.",
            "Sumber tidak memuat kolom Keterangan.",
            "Langkah 1 sampai 5 berlaku untuk triwulan, langkah 7 untuk semester dan tahunan, langkah 8 untuk semester, langkah 9 untuk tahunan, sesuai bunyi kegiatannya.",
            "Langkah 6 tertulis 'Merekap 3 (tiga) laporan tahunan'; dibiarkan seperti tertulis dan diberlakukan untuk tahunan sesuai kata 'tahunan'.",
            "Langkah 3 (mengolah data) tidak diikat ke tindakan sistem; penyusunan draf diikat ke langkah 4.",
            "Langkah 6 sampai 9 (semester dan tahunan) tidak diikat ke tindakan sistem karena tindakan yang sama sudah terikat pada langkah triwulan; diselesaikan manual.",
            "Langkah 1 sampai 5: pelaksana mengikuti tanda lajur pada sumber ('Mulai' di lajur Sekretaris Dinas, '[]' di lajur lainnya).",
            "Tanda lajur langkah 6 sampai 9 hilang; pelaksananya disimpulkan dari langkah triwulan yang sejenis, seperti berikut.",
            "Langkah 6: Kasubag Keuangan dan Pelaporan, seperti rekap pada langkah 2.",
            "Langkah 7: Kepala Seksi, seperti penyusunan laporan pada langkah 4.",
            "Langkah 8: Kasubag Keuangan dan Pelaporan dan Staf Penyusun Evaluasi Kinerja, seperti sosialisasi pada langkah 5.",
            "Langkah 9: Kepala Seksi, seperti penyusunan laporan pada langkah 4.",
        ]);

    /// <summary>Sekretariat DPRD Provinsi Jambi: order, worksheets, filling, checking with confirmation, recap.</summary>
    private static SopTemplate Seed004() => new(
        "seed-004-setwan-jambi", "Sekretariat DPRD Provinsi Jambi", "Provinsi Jambi", "004_df7869c6221725ea.txt",
        new SopIdentity(
            Number: null, MadeOn: null, RevisedOn: null, EffectiveOn: null,
            ApprovedByName: null, ApprovedByPosition: null, ApprovedByRank: null, ApprovedByNip: null,
            Name: "PENGUMPULAN DATA KINERIA",
            LegalBasis:
            [
                "Peraturan Menteri Negara Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik Indonesia Nomor 25 Tahun 2012 tentang Petunjuk Pelaksanaan Evaluasi Akuntabilitas Kinerja Instansi Pemerintah",
                "Peraturan Menteri Negara Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik Indonesia Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu Atas Laporan Kinerja Instansi Pemerintah",
                "Pperaturan Daerah Nomor 8 tahun 2016 tentang pembentukan dan susunan perangkat daerah Provinsi Jambi",
                "Pperaturan Gubernur Jambi Nomor 33 Tahun 2016 tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Sekretariat DPRD Provinsi Jambi",
            ],
            Qualifications:
            [
                "Memeahami perencanaan pembangunan daerah dan pelaksanaannya",
                "Memahami pengelolaan keuangan dan aset daerah",
                "Memiliki kompetensi pengolahan data sederhana",
            ],
            Related: ["SOP Penyusunan Laporan Realisasi Fisik dan Keuangan Bulanan ( LPPK)", "SOP Penyusunan Pengukuran Kinerja"],
            Equipment: ["ATK", "Laporan Evaluasi Pelaksanaan Renja Triwulanan", "Laporan Pengukuran Kinerja", "DPA", "Renja"],
            Warnings: ["Penyusunan pengukuran kinerja akan terkendala jika terdapat penyimpangan dalam prosedurnya"],
            Recording: ["indikator kinerja, target, realisasi dan persentase capaian kinerja"]),
        [
            new SopActor("kadis", "Ka. Dinas", Role.Head),
            new SopActor("sekdis", "Sekdis", Role.Secretary),
            new SopActor("kasie", "Seluruh Kasie/Subbag", Role.UnitHead),
            new SopActor("pep", "Kasubbag PEP", Role.Coordinator),
            new SopActor("analis", "Analis", Role.Staff),
        ],
        [
            Step(1, "Sekretaris menugaskan Kasubag Program & Pelaporan untuk melaporkan data kinerja", ["sekdis"], OpenRound, "Surat Sekda", 15, U.Minutes,
                "Disposisi", "SOP Alur Surat Masuk dan Keluar", kind: K.Start),
            Step(2, "Menyiapkan kertas kerja laporan kinerja dan mengirimkan kesetiap bagian untuk di isi", ["pep"], Distribute, "Surat Sekda", 2, U.Hours,
                "Pendistribusian kertas kerja"),
            Step(3, "Menerima kertas kerja laporan kinerja, mengukur dan mengisi data capaian kinerja dan menyerahkan Kasubbag Program dan Pelaporan", ["kasie"],
                FillAndSubmit, "Form kertas kerja", 3, U.Days, "Data kinerja"),
            Step(4, "Menerima dan memeriksa kertas kerja yang telah terisi data kinerja. Jika memeriukan konfirmasi langsung menghubungi Seksi/Subbag bersangkutan",
                ["pep"], VerifyOrReturn, "Data kinerja", 2, U.Days, "Data kinerja yang valid", kind: K.Decision, noGoesTo: 3),
            Step(5, "Merekapitulasi data kinerja", ["analis"], Recap, "Data kinerja yang valid", 2, U.Days, "Rekapitulasi Data Kinerja", kind: K.End),
        ],
        [
            "Sumber tidak memuat kop: instansi dan pemerintah daerah disimpulkan dari Dasar Hukum nomor 4 (Peraturan Gubernur Jambi tentang Sekretariat DPRD Provinsi Jambi), meskipun lajurnya berjudul 'Ka. Dinas' dan 'Sekdis'.",
            "Nomor SOP, tanggal dan pengesah tidak ada pada teks sumber.",
            "Nama SOP tertulis 'PENGUMPULAN DATA KINERIA' (salah baca OCR untuk 'KINERJA'); dibiarkan seperti tertulis.",
            "Tanda sisa pindaian di antara baris Dasar Hukum, Kualifikasi dan Peralatan dibuang; butir 'Yo ATK' dibaca '1. ATK'.",
            "Nomor langkah tidak terbaca pada teks sumber; langkah diberi nomor 1 sampai 5 sesuai urutannya.",
            "Langkah 4 tertulis 'memeriukan' (salah baca OCR untuk 'memerlukan'); dibiarkan seperti tertulis.",
            "Langkah 4 adalah keputusan: data yang memerlukan konfirmasi kembali ke Seksi/Subbag (langkah 3), selain itu lanjut ke rekapitulasi.",
            "Tanda lajur pelaksana hilang pada teks sumber; pelaksana tiap langkah disimpulkan dari bunyi kegiatannya seperti berikut.",
            "Langkah 1: Sekdis, karena 'Sekretaris menugaskan'.",
            "Langkah 2: Kasubbag PEP, yang ditugaskan pada langkah 1.",
            "Langkah 3: Seluruh Kasie/Subbag, yang mengisi dan menyerahkan kepada Kasubbag Program dan Pelaporan.",
            "Langkah 4: Kasubbag PEP, yang menerima kertas kerja yang diserahkan.",
            "Langkah 5: Analis, yang merekapitulasi data yang sudah valid.",
            "Lajur Ka. Dinas tidak dipakai oleh langkah mana pun menurut teks sumber.",
        ]);
}
