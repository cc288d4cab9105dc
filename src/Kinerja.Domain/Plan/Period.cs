using System.Globalization;
using Kinerja.Domain.Common;

namespace Kinerja.Domain.Plan;

public enum PeriodKind
{
    Year,
    Semester,
    Quarter,
    Month,
}

/// <summary>
/// A reporting period of a fiscal (calendar) year: "2025", "2025-S1", "2025-Q2", "2025-M03".
/// Ordered by start, then by length (a year sorts before its first semester).
/// </summary>
public readonly record struct Period : IComparable<Period>
{
    private Period(int year, PeriodKind kind, int number)
    {
        Year = year;
        Kind = kind;
        Number = number;
    }

    public int Year { get; }
    public PeriodKind Kind { get; }

    /// <summary>1 for a year; 1-2 semester; 1-4 quarter; 1-12 month.</summary>
    public int Number { get; }

    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static Period OfYear(int year) => Create(year, PeriodKind.Year, 1);
    public static Period Semester(int year, int s) => Create(year, PeriodKind.Semester, s);
    public static Period Quarter(int year, int q) => Create(year, PeriodKind.Quarter, q);
    public static Period Month(int year, int m) => Create(year, PeriodKind.Month, m);

    private static Period Create(int year, PeriodKind kind, int number)
    {
        if (year is < MinYear or > MaxYear) throw new DomainException("period.year", $"Tahun {year} di luar rentang {MinYear}-{MaxYear}.");
        if (number < 1 || number > Count(kind)) throw new DomainException("period.number", $"Nomor periode {number} tidak sah.");
        return new Period(year, kind, number);
    }

    /// <summary>How many periods of this kind a year has.</summary>
    public static int Count(PeriodKind kind) => kind switch
    {
        PeriodKind.Year => 1,
        PeriodKind.Semester => 2,
        PeriodKind.Quarter => 4,
        PeriodKind.Month => 12,
    };

    /// <summary>First and last month (1-12) covered, inclusive.</summary>
    public (int First, int Last) Months => Kind switch
    {
        PeriodKind.Year => (1, 12),
        PeriodKind.Semester => ((Number - 1) * 6 + 1, Number * 6),
        PeriodKind.Quarter => ((Number - 1) * 3 + 1, Number * 3),
        PeriodKind.Month => (Number, Number),
    };

    /// <summary>The quarters (1-4) this period covers; empty for a month.</summary>
    public IReadOnlyList<int> Quarters
    {
        get
        {
            if (Kind == PeriodKind.Month) return [];
            var (first, last) = Months;
            return Enumerable.Range(1, 4).Where(q => q * 3 >= first && q * 3 <= last).ToArray();
        }
    }

    /// <summary>The first and last of <see cref="Quarters"/> (without a list); a month covers no quarter.</summary>
    internal (int First, int Last) QuarterSpan
    {
        get
        {
            if (Kind == PeriodKind.Month) throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "A month covers no whole quarter.");
            var (first, last) = Months;
            return ((first + 2) / 3, last / 3);
        }
    }

    /// <summary>The period of the same kind just before this one: Triwulan I 2025 gives Triwulan IV 2024, 2025 gives 2024; null in <see cref="MinYear"/>'s first.</summary>
    public Period? Previous =>
        Number > 1 ? new Period(Year, Kind, Number - 1)
        : Year > MinYear ? new Period(Year - 1, Kind, Count(Kind))
        : null;

    /// <summary>The same period in another year (Triwulan II 2025 in 2024 is Triwulan II 2024).</summary>
    public Period InYear(int year) => Create(year, Kind, Number);

    public DateOnly Start => new(Year, Months.First, 1);

    public DateOnly End => new DateOnly(Year, Months.Last, 1).AddMonths(1).AddDays(-1);

    public static bool TryParse(string? text, out Period period, out Text? error)
    {
        period = default;
        error = null;
        var t = text?.Trim() ?? "";
        var parts = t.Split('-');
        if (parts.Length is < 1 or > 2 || parts[0].Length != 4
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            error = new Text("Periode \"{0}\" tidak dikenal. Contoh: 2025, 2025-S1, 2025-Q2, 2025-M03.", t);
            return false;
        }

        if (year is < MinYear or > MaxYear)
        {
            error = new Text("Tahun {0} di luar rentang {1}-{2}.", year, MinYear, MaxYear);
            return false;
        }

        if (parts.Length == 1)
        {
            period = new Period(year, PeriodKind.Year, 1);
            return true;
        }

        var p = parts[1].ToUpperInvariant();
        PeriodKind? kind = p.Length > 1 ? p[0] switch { 'S' => PeriodKind.Semester, 'Q' => PeriodKind.Quarter, 'M' => PeriodKind.Month, _ => null } : null;
        var digits = p.Length > 1 ? p[1..] : "";
        var expectedDigits = kind == PeriodKind.Month ? 2 : 1;
        if (kind is null || digits.Length != expectedDigits
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number < 1 || number > Count(kind.Value))
        {
            error = new Text("Periode \"{0}\" tidak dikenal. Contoh: 2025, 2025-S1, 2025-Q2, 2025-M03.", t);
            return false;
        }

        period = new Period(year, kind.Value, number);
        return true;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var p, out var e) ? p : throw new DomainException("period.invalid", e!.ToString());

    /// <summary>The API form: 2025, 2025-S1, 2025-Q2, 2025-M03.</summary>
    public override string ToString() => Kind switch
    {
        PeriodKind.Year => Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.Semester => string.Create(CultureInfo.InvariantCulture, $"{Year}-S{Number}"),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Number}"),
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year}-M{Number:00}"),
    };

    /// <summary>How documents name it: "Triwulan II 2025", "Semester I 2025", "Maret 2025", "Tahun 2025".</summary>
    public string DisplayName => Kind switch
    {
        PeriodKind.Year => string.Create(CultureInfo.InvariantCulture, $"Tahun {Year}"),
        PeriodKind.Semester => string.Create(CultureInfo.InvariantCulture, $"Semester {Roman(Number)} {Year}"),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"Triwulan {Roman(Number)} {Year}"),
        PeriodKind.Month => new DateOnly(Year, Number, 1).ToString("MMMM yyyy", Text.Indonesian),
    };

    private static string Roman(int n) => n switch { 1 => "I", 2 => "II", 3 => "III", 4 => "IV", _ => n.ToString(CultureInfo.InvariantCulture) };

    public int CompareTo(Period other)
    {
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : other.End.CompareTo(End);
    }
}
