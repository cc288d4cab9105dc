namespace Kinerja.Domain.Common;

/// <summary>A day the offices are closed: a national holiday (<i>hari libur nasional</i>) or joint leave (<i>cuti bersama</i>).</summary>
public sealed record Holiday(DateOnly Date, string Name, bool JointLeave);

/// <summary>
/// National holidays and cuti bersama as decreed each year by the joint decree (SKB) of the Minister of Religious
/// Affairs, the Minister of Manpower and the Minister for Administrative and Bureaucratic Reform (PANRB).
/// </summary>
/// <remarks>
/// <para>
/// 2025: SKB Nomor 1017 Tahun 2024, Nomor 2 Tahun 2024, Nomor 2 Tahun 2024 tentang Hari Libur Nasional dan Cuti
/// Bersama Tahun 2025, signed 14 October 2024 (17 holidays, 10 days cuti bersama); amended by SKB Nomor 933 Tahun
/// 2025, Nomor 1 Tahun 2025, Nomor 3 Tahun 2025 of 7 August 2025, which adds Monday 18 August 2025 as cuti bersama
/// (not a national holiday). Cuti bersama for civil servants: Keputusan Presiden Nomor 2 Tahun 2025 of
/// 16 January 2025 (same ten dates).
/// </para>
/// <para>
/// 2026: SKB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 tentang Hari Libur Nasional dan Cuti
/// Bersama Tahun 2026, decided at the ministers' meeting at Kemenko PMK on 19 September 2025 (17 holidays, 8 days
/// cuti bersama). Cuti bersama for civil servants: Keputusan Presiden Nomor 42 Tahun 2025 of 31 December 2025
/// (same eight dates).
/// </para>
/// <para>
/// Other years list only the holidays on fixed dates (1 January, 1 May, 1 June, 17 August, 25 December). The
/// holidays that follow the lunar calendars (Isra Mikraj, Imlek, Nyepi, Idul Fitri, Waisak, Idul Adha, Tahun Baru
/// Islam, Maulid, Good Friday, Ascension) and every cuti bersama change each year: the agency must add them from that
/// year's SKB (and any amendment) before relying on deadlines in that year.
/// </para>
/// </remarks>
public static class IndonesianHolidays
{
    /// <summary>Years whose complete SKB list is built in; other years have only the fixed-date holidays.</summary>
    public static readonly IReadOnlyList<int> DecreedYears = [2025, 2026];

    /// <summary>The holidays and cuti bersama of <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<Holiday> For(int year) => year switch
    {
        2025 => Y2025,
        2026 => Y2026,
        _ => Fixed(year),
    };

    /// <summary>The closed dates of the years <paramref name="fromYear"/> to <paramref name="toYear"/>, for <see cref="WorkingCalendar"/>.</summary>
    public static IEnumerable<DateOnly> Dates(int fromYear, int toYear) =>
        Enumerable.Range(fromYear, Math.Max(0, toYear - fromYear + 1)).SelectMany(For).Select(h => h.Date);

    private static List<Holiday> Fixed(int year) =>
    [
        new(new DateOnly(year, 1, 1), $"Tahun Baru {year} Masehi", false),
        new(new DateOnly(year, 5, 1), "Hari Buruh Internasional", false),
        new(new DateOnly(year, 6, 1), "Hari Lahir Pancasila", false),
        new(new DateOnly(year, 8, 17), "Hari Proklamasi Kemerdekaan Republik Indonesia", false),
        new(new DateOnly(year, 12, 25), "Kelahiran Yesus Kristus", false),
    ];

    private static Holiday H(int year, int month, int day, string name) => new(new DateOnly(year, month, day), name, false);

    private static Holiday C(int year, int month, int day, string name) => new(new DateOnly(year, month, day), "Cuti bersama " + name, true);

    private static readonly IReadOnlyList<Holiday> Y2025 = Sorted(
    [
        H(2025, 1, 1, "Tahun Baru 2025 Masehi"),
        H(2025, 1, 27, "Isra Mikraj Nabi Muhammad SAW"),
        H(2025, 1, 29, "Tahun Baru Imlek 2576 Kongzili"),
        H(2025, 3, 29, "Hari Suci Nyepi (Tahun Baru Saka 1947)"),
        H(2025, 3, 31, "Idul Fitri 1446 Hijriah"),
        H(2025, 4, 1, "Idul Fitri 1446 Hijriah"),
        H(2025, 4, 18, "Wafat Yesus Kristus"),
        H(2025, 4, 20, "Kebangkitan Yesus Kristus (Paskah)"),
        H(2025, 5, 1, "Hari Buruh Internasional"),
        H(2025, 5, 12, "Hari Raya Waisak 2569 BE"),
        H(2025, 5, 29, "Kenaikan Yesus Kristus"),
        H(2025, 6, 1, "Hari Lahir Pancasila"),
        H(2025, 6, 6, "Idul Adha 1446 Hijriah"),
        H(2025, 6, 27, "Tahun Baru Islam 1447 Hijriah"),
        H(2025, 8, 17, "Hari Proklamasi Kemerdekaan Republik Indonesia"),
        H(2025, 9, 5, "Maulid Nabi Muhammad SAW"),
        H(2025, 12, 25, "Kelahiran Yesus Kristus"),
        C(2025, 1, 28, "Tahun Baru Imlek 2576 Kongzili"),
        C(2025, 3, 28, "Hari Suci Nyepi"),
        C(2025, 4, 2, "Idul Fitri 1446 Hijriah"),
        C(2025, 4, 3, "Idul Fitri 1446 Hijriah"),
        C(2025, 4, 4, "Idul Fitri 1446 Hijriah"),
        C(2025, 4, 7, "Idul Fitri 1446 Hijriah"),
        C(2025, 5, 13, "Hari Raya Waisak 2569 BE"),
        C(2025, 5, 30, "Kenaikan Yesus Kristus"),
        C(2025, 6, 9, "Idul Adha 1446 Hijriah"),
        C(2025, 8, 18, "HUT ke-80 Republik Indonesia"),
        C(2025, 12, 26, "Kelahiran Yesus Kristus"),
    ]);

    private static readonly IReadOnlyList<Holiday> Y2026 = Sorted(
    [
        H(2026, 1, 1, "Tahun Baru 2026 Masehi"),
        H(2026, 1, 16, "Isra Mikraj Nabi Muhammad SAW"),
        H(2026, 2, 17, "Tahun Baru Imlek 2577 Kongzili"),
        H(2026, 3, 19, "Hari Suci Nyepi (Tahun Baru Saka 1948)"),
        H(2026, 3, 21, "Idul Fitri 1447 Hijriah"),
        H(2026, 3, 22, "Idul Fitri 1447 Hijriah"),
        H(2026, 4, 3, "Wafat Yesus Kristus"),
        H(2026, 4, 5, "Kebangkitan Yesus Kristus (Paskah)"),
        H(2026, 5, 1, "Hari Buruh Internasional"),
        H(2026, 5, 14, "Kenaikan Yesus Kristus"),
        H(2026, 5, 27, "Idul Adha 1447 Hijriah"),
        H(2026, 5, 31, "Hari Raya Waisak 2570 BE"),
        H(2026, 6, 1, "Hari Lahir Pancasila"),
        H(2026, 6, 16, "Tahun Baru Islam 1448 Hijriah"),
        H(2026, 8, 17, "Hari Proklamasi Kemerdekaan Republik Indonesia"),
        H(2026, 8, 25, "Maulid Nabi Muhammad SAW"),
        H(2026, 12, 25, "Kelahiran Yesus Kristus"),
        C(2026, 2, 16, "Tahun Baru Imlek 2577 Kongzili"),
        C(2026, 3, 18, "Hari Suci Nyepi (Tahun Baru Saka 1948)"),
        C(2026, 3, 20, "Idul Fitri 1447 Hijriah"),
        C(2026, 3, 23, "Idul Fitri 1447 Hijriah"),
        C(2026, 3, 24, "Idul Fitri 1447 Hijriah"),
        C(2026, 5, 15, "Kenaikan Yesus Kristus"),
        C(2026, 5, 28, "Idul Adha 1447 Hijriah"),
        C(2026, 12, 24, "Kelahiran Yesus Kristus"),
    ]);

    private static Holiday[] Sorted(Holiday[] list) => [.. list.OrderBy(h => h.Date)];
}
