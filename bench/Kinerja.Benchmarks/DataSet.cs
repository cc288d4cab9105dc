namespace Kinerja.Benchmarks;

/// <summary>The size of the generated government.</summary>
/// <remarks>
/// <see cref="OtherGovernments"/> adds governments of the same size around the measured one, with the last year only
/// (<c>--national</c>: 499, so that the database holds a national-size year: 500 governments x 40 agencies x 60
/// indicators x 4 quarters = 4.8 million worksheet values of that year, and 1.2 million targets).
/// </remarks>
public sealed record DataShape(int Agencies = 40, int IndicatorsPerAgency = 60, int FirstYear = 2021, int Years = 5, int OtherGovernments = 0)
{
    /// <summary>Governments added by <c>--national</c> next to the measured one.</summary>
    public const int NationalOthers = 499;

    public const int UnitsPerAgency = 5;
    public const int ObjectivesPerAgency = 6;

    /// <summary>Key indicators (IKU) under the objectives; the rest are program indicators without an objective.</summary>
    public int KeyIndicators => IndicatorsPerAgency * 4 / 5;

    public int LastYear => FirstYear + Years - 1;

    public override string ToString() =>
        $"{Agencies} agencies x {IndicatorsPerAgency} indicators x 4 quarters x {Years} years ({FirstYear}-{LastYear})"
        + (OtherGovernments > 0 ? $", and {OtherGovernments} other governments of {Agencies} agencies with {LastYear} only" : "");
}

/// <summary>Rows of one table in column order; values are Guid, string, int, decimal, DateTimeOffset or null.</summary>
public sealed record Table(string Name, string[] Columns)
{
    public List<object?[]> Rows { get; } = [];

    public void Add(params object?[] row)
    {
        if (row.Length != Columns.Length) throw new InvalidOperationException($"{Name}: {row.Length} values for {Columns.Length} columns.");
        Rows.Add(row);
    }
}

/// <summary>
/// A province-size government in the application's schema: agencies with units, one Renstra with objectives, key and
/// program indicators of every polarity and aggregation, yearly targets with the quarterly action plan, and a collection
/// round per quarter with one worksheet per unit. Most worksheets are verified; some are still in review (not counted by
/// the recap) and some quarters were collected twice (the later round counts). Deterministic for a given shape.
/// </summary>
public sealed class DataSet
{
    private const string Verified = "Verified";

    private const int Seed = 20261122;

    /// <summary>How many of the other governments one <see cref="OtherGovernments"/> part holds (about 240,000 lines).</summary>
    private const int GovernmentsPerPart = 25;

    private readonly Random _random;

    private DataSet(DataShape shape, int seed)
    {
        Shape = shape;
        _random = new Random(seed);
    }

    public DataShape Shape { get; }
    public Guid GovernmentId { get; private set; }
    public IReadOnlyList<Guid> AgencyIds { get; private set; } = [];

    public Table Governments { get; } = new("Governments", ["Id", "Name", "Kind"]);
    public Table Agencies { get; } = new("Agencies", ["Id", "GovernmentId", "Name", "Kind", "Address", "LetterNumberPattern", "Version"]);
    public Table Units { get; } = new("OrgUnits", ["Id", "AgencyId", "ParentId", "Name", "Version"]);
    public Table Plans { get; } = new("StrategicPlans", ["Id", "AgencyId", "Name", "FirstYear", "LastYear", "Version"]);
    public Table Objectives { get; } = new("Objectives", ["Id", "AgencyId", "PlanId", "GoalId", "Code", "Name"]);
    public Table Indicators { get; } = new("Indicators",
        ["Id", "AgencyId", "Code", "Name", "Kind", "ObjectiveId", "BudgetItemId", "SupportsIndicatorId", "UnitId", "Measure", "Polarity",
         "Aggregation", "Weight", "Definition", "DataSource", "Version"]);
    public Table Targets { get; } = new("IndicatorTargets",
        ["Id", "AgencyId", "IndicatorId", "Year", "Version", "Annual", "Q1", "Q2", "Q3", "Q4", "MonthsJson", "RangeLow", "RangeHigh",
         "StrategicEndTarget", "NationalStandard", "Baseline"]);
    public Table Rounds { get; } = new("Rounds", ["Id", "AgencyId", "Period", "SopTemplateId", "DispositionText", "OrderedBy", "OrderedAt", "Status", "Version"]);
    public Table Worksheets { get; } = new("Worksheets",
        ["Id", "AgencyId", "RoundId", "UnitId", "Status", "Deadline", "SubmittedBy", "SubmittedAt", "Submissions", "Version", "ReopenReason"]);
    public Table Lines { get; } = new("WorksheetLines",
        ["Id", "AgencyId", "WorksheetId", "IndicatorId", "Order", "TargetToDate", "PeriodTarget", "RangeLow", "RangeHigh", "PreviousRealization",
         "Realization", "Explanation", "Review", "ReviewReason", "ReviewedBy", "Version"]);

    /// <summary>Tables in insertion order (parents first).</summary>
    public IEnumerable<Table> Tables => [Governments, Agencies, Units, Plans, Objectives, Indicators, Targets, Rounds, Worksheets, Lines];

    private sealed record Ind(Guid Id, Guid UnitId, int Order, string Polarity, string Aggregation, decimal Base);

    public static DataSet Generate(DataShape shape)
    {
        var d = new DataSet(shape, Seed);
        d.Build();
        return d;
    }

    /// <summary>
    /// The other governments of <see cref="DataShape.OtherGovernments"/>, generated part by part (each is loaded and
    /// dropped before the next is made: all of them would not fit in memory as rows). Deterministic, like the measured one.
    /// </summary>
    public IEnumerable<DataSet> OtherGovernments()
    {
        for (var first = 1; first <= Shape.OtherGovernments; first += GovernmentsPerPart)
        {
            var part = new DataSet(Shape, Seed + first);
            for (var g = first; g < first + GovernmentsPerPart && g <= Shape.OtherGovernments; g++) part.BuildGovernment($"Kabupaten Uji Beban {g:D3}", Shape.LastYear);
            yield return part;
        }
    }

    private Guid NewId()
    {
        Span<byte> b = stackalloc byte[16];
        _random.NextBytes(b);
        return new Guid(b);
    }

    private decimal Between(double low, double high) => (decimal)(low + (_random.NextDouble() * (high - low)));

    private static decimal R2(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);

    private void Build() => (GovernmentId, AgencyIds) = BuildGovernment("Provinsi Uji Beban", Shape.FirstYear);

    private (Guid, List<Guid>) BuildGovernment(string name, int firstYear)
    {
        var governmentId = NewId();
        Governments.Add(governmentId, name, name.StartsWith("Provinsi", StringComparison.Ordinal) ? "Province" : "Regency");
        string[] kinds = ["Dinas", "Dinas", "Badan", "Sekretariat", "Kantor"];
        var agencies = new List<Guid>();
        for (var a = 1; a <= Shape.Agencies; a++)
        {
            var agencyId = NewId();
            agencies.Add(agencyId);
            Agencies.Add(agencyId, governmentId, $"Perangkat Daerah {a:D3}", kinds[a % kinds.Length], $"Jalan Uji No. {a}", null, 0);
            BuildAgency(agencyId, firstYear);
        }

        return (governmentId, agencies);
    }

    private void BuildAgency(Guid agencyId, int firstYear)
    {
        var units = Enumerable.Range(1, DataShape.UnitsPerAgency).Select(u =>
        {
            var id = NewId();
            Units.Add(id, agencyId, null, $"Bidang {u}", 0);
            return id;
        }).ToArray();

        var planId = NewId();
        Plans.Add(planId, agencyId, $"Renstra {Shape.FirstYear}-{Shape.LastYear + 1}", Shape.FirstYear, Shape.LastYear + 1, 0);
        var objectives = Enumerable.Range(1, DataShape.ObjectivesPerAgency).Select(o =>
        {
            var id = NewId();
            Objectives.Add(id, agencyId, planId, null, $"S{o}", $"Sasaran strategis {o}");
            return id;
        }).ToArray();

        var indicators = new List<Ind>();
        for (var n = 0; n < Shape.IndicatorsPerAgency; n++)
        {
            var key = n < Shape.KeyIndicators;
            var p = _random.NextDouble();
            var polarity = p < 0.7 ? "Higher" : p < 0.9 ? "Lower" : "Range";
            var g = _random.NextDouble();
            var aggregation = polarity == "Range"
                ? g < 0.5 ? "Last" : g < 0.9 ? "Average" : "Sum"
                : g < 0.45 ? "Sum" : g < 0.8 ? "Last" : "Average";
            var w = _random.NextDouble();
            var weight = w < 0.7 ? 1m : w < 0.9 ? 2m : 0.5m;
            var unitId = units[n % units.Length];
            var ind = new Ind(NewId(), unitId, n + 1, polarity, aggregation, R2(Between(10, 1000)));
            indicators.Add(ind);
            Indicators.Add(ind.Id, agencyId, key ? $"IKU-{n + 1:D2}" : $"IKP-{n + 1:D2}", $"Indikator {n + 1}", key ? "Iku" : "Program",
                key ? objectives[n % objectives.Length] : null, null, null, unitId,
                polarity == "Range" ? "%" : "Dokumen", polarity, aggregation, weight, null, null, 0);
        }

        for (var year = firstYear; year <= Shape.LastYear; year++)
        {
            var growth = 1 + (0.05m * (year - Shape.FirstYear));
            var plans = indicators.ToDictionary(i => i.Id, i => AddTargets(agencyId, i, year, R2(i.Base * growth)));
            for (var q = 1; q <= 4; q++)
            {
                var orderedAt = new DateTimeOffset(year, q * 3, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1).AddDays(2);
                AddRound(agencyId, year, q, orderedAt, units, indicators, plans, correction: false);
                // Some quarters are collected again (a correction): the later round is the one that counts.
                if (_random.NextDouble() < 0.03)
                {
                    AddRound(agencyId, year, q, orderedAt.AddDays(30), [units[_random.Next(units.Length)]], indicators, plans, correction: true);
                }
            }
        }
    }

    /// <summary>The year's targets of an indicator; returns each quarter's own target (for the realizations around it).</summary>
    private decimal?[] AddTargets(Guid agencyId, Ind i, int year, decimal b)
    {
        decimal? annual = null, low = null, high = null, end = null, national = null;
        var quarters = new decimal?[4];
        switch (i.Polarity, i.Aggregation)
        {
            case ("Range", _):
                (low, high) = (R2(b * 0.9m), R2(b * 1.1m));
                break;
            case (_, "Sum"):
                decimal[] share = [0.2m, 0.25m, 0.25m, 0.3m];
                for (var q = 0; q < 4; q++) quarters[q] = R2(b * share[q]);
                if (_random.NextDouble() < 0.05) quarters[0] = 0;   // nothing planned in the first quarter
                annual = quarters.Sum();
                break;
            case (_, "Last"):
                for (var q = 0; q < 3; q++) quarters[q] = R2(b * (0.85m + (0.05m * q)));
                quarters[3] = annual = b;
                break;
            default:
                for (var q = 0; q < 4; q++) quarters[q] = R2(b * Between(0.95, 1.05));
                annual = Math.Round(quarters.Average()!.Value, 6, MidpointRounding.AwayFromZero);
                break;
        }

        if (i.Polarity != "Range")
        {
            end = R2(b * 1.3m);
            if (_random.NextDouble() < 0.2) national = R2(b * 1.1m);
            // Some action plans are not entered yet: the year has its annual target only.
            if (_random.NextDouble() < 0.05) Array.Fill(quarters, null);
        }

        Targets.Add(NewId(), agencyId, i.Id, year, 0, annual, quarters[0], quarters[1], quarters[2], quarters[3], null, low, high, end, national, null);
        return quarters;
    }

    private void AddRound(Guid agencyId, int year, int q, DateTimeOffset orderedAt, Guid[] units, List<Ind> indicators,
        Dictionary<Guid, decimal?[]> plans, bool correction)
    {
        var roundId = NewId();
        Rounds.Add(roundId, agencyId, $"{year}-Q{q}", "sop-pengumpulan-data-kinerja",
            correction ? "Pengumpulan ulang data kinerja (koreksi)." : $"Mohon kumpulkan data kinerja Triwulan {q} tahun {year}.", "bench", orderedAt, "Closed", 0);
        var growth = 1 + (0.05m * (year - Shape.FirstYear));
        foreach (var unitId in units)
        {
            // Most worksheets are verified; a few are still being checked, or were never finished (not in the recap).
            var s = _random.NextDouble();
            var status = correction || s >= 0.04 ? Verified : s < 0.015 ? "Submitted" : s < 0.03 ? "Returned" : "Draft";
            var worksheetId = NewId();
            var submittedAt = status == "Draft" ? (DateTimeOffset?)null : orderedAt.AddDays(10);
            Worksheets.Add(worksheetId, agencyId, roundId, unitId, status, orderedAt.AddDays(14), submittedAt is null ? null : "bench",
                submittedAt, submittedAt is null ? 0 : 1, 0, null);
            foreach (var i in indicators.Where(i => i.UnitId == unitId))
            {
                var b = R2(i.Base * growth);
                var plan = plans[i.Id][q - 1];
                decimal? value = (i.Polarity, i.Aggregation) switch
                {
                    ("Range", _) => b * Between(0.75, 1.25),
                    (_, "Sum") => b * (q == 4 ? 0.3m : q == 1 ? 0.2m : 0.25m) * Between(0.6, 1.3),
                    (_, "Last") => (plan ?? b) * Between(0.8, 1.2),
                    _ => b * Between(0.8, 1.2),
                };
                value = R2(value.Value * (correction ? 1.05m : 1m));
                if (status == "Draft" && _random.NextDouble() < 0.5) value = null;
                Lines.Add(NewId(), agencyId, worksheetId, i.Id, i.Order, null, plan, null, null, null, value, null,
                    status == Verified ? "Accepted" : "Pending", null, status == Verified ? "bench" : null, 0);
            }
        }
    }
}
