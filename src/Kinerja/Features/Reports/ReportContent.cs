using System.Text.Json;
using System.Text.Json.Serialization;
using Kinerja.Data;
using Kinerja.Documents;
using Kinerja.Domain.Achievement;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Domain.Plan;
using Kinerja.Domain.Reports;
using Kinerja.Domain.Rounds;
using Kinerja.Features.Organisation;
using Kinerja.Features.Plan;
using Kinerja.Features.Recap;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Reports;

/// <summary>
/// Builds what a report prints (<see cref="PerformanceReportDocument"/>) from the agency's data: verified recap figures
/// (the same engine and loading as the recap), the Renstra and the year's Perjanjian Kinerja, the units' explanations from
/// verified worksheets, the budget and what was spent, and the narratives people wrote. Every generation reads the data
/// afresh; the narratives survive because they are stored apart from the document.
/// </summary>
public sealed class ReportContent(KinerjaDbContext db, TimeProvider clock, IConfiguration config, IHttpContextAccessor http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new PeriodAsText(), new TextAsString() },
        WriteIndented = false,
    };

    /// <summary>A period as its API form (the struct links to its neighbours, which would never end).</summary>
    private sealed class PeriodAsText : JsonConverter<Period>
    {
        public override Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Period.Parse(reader.GetString() ?? "");

        public override void Write(Utf8JsonWriter writer, Period value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }

    /// <summary>A message as the Indonesian text people read.</summary>
    private sealed class TextAsString : JsonConverter<Text>
    {
        public override Text Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString() ?? "");

        public override void Write(Utf8JsonWriter writer, Text value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }

    /// <summary>The signature printed on a signed rendition.</summary>
    public sealed record SignedBy(PartyDto Signer, DateOnly Date, string Code);

    /// <summary>A generated document: the DOCX and its content as JSON (what two versions are compared on).</summary>
    public sealed record Rendered(byte[] Docx, string ContentJson, PerformanceReportDocument Document);

    public async Task<Rendered> RenderAsync(Report report, int versionNumber, SignedBy? signed, CancellationToken ct)
    {
        var document = await BuildAsync(report, versionNumber, signed, ct);
        return new Rendered(PerformanceReportDocx.Build(document), JsonSerializer.Serialize(document, Json), document);
    }

    /// <summary>The cover letter of a numbered report, addressed to the head of the region through Bagian Organisasi.</summary>
    public async Task<byte[]> CoverLetterAsync(Report report, string number, DateOnly date, string? code, CancellationToken ct)
    {
        var (agency, government) = await AgencyAsync(report.AgencyId, ct);
        var head = await HeadAsync(report.AgencyId, ct);
        var period = Period.Parse(report.Period);
        var title = PerformanceReportDocument.TitleOf(report.Kind, period);
        var region = GetAgreement.PlaceOf(government.Name);
        var regionHead = government.Kind switch
        {
            GovernmentKind.Province => "Gubernur",
            GovernmentKind.City => "Wali Kota",
            GovernmentKind.Regency => "Bupati",
        };
        var copies = ReportRecipients.Required(report.Kind).Where(r => r != ReportRecipients.HeadOfRegion)
            .Select(r => "Yth. " + ReportRecipients.Label(r) + (r == ReportRecipients.KemenPanRb ? "" : " " + government.Name)).ToList();
        var letter = new CoverLetterDocument(
            Letterhead(agency, government), GetAgreement.PlaceOf(government.Name), date, number, "Biasa", "1 (satu) berkas",
            CoverLetterDocument.DefaultSubject(title), $"{regionHead} {region}", $"Kepala Bagian Organisasi Sekretariat Daerah {government.Name}", region,
            CoverLetterDocument.DefaultBody(title, agency.Name), Signatory(head), copies, code, code is null ? null : VerifyUrl(code));
        return CoverLetterDocx.Build(letter);
    }

    /// <summary>The public page that checks a code: under <c>Kinerja:PublicUrl</c> when set, else the address this request came to.</summary>
    public string VerifyUrl(string code)
    {
        var root = config["Kinerja:PublicUrl"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : http.HttpContext?.Request is { } r ? $"{r.Scheme}://{r.Host}{r.PathBase}" : "";
        return root + "/verify/" + code;
    }

    private async Task<(Agency Agency, Government Government)> AgencyAsync(Guid agencyId, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, ct);
        var government = await db.Governments.AsNoTracking().SingleAsync(g => g.Id == agency.GovernmentId, ct);
        return (agency, government);
    }

    private static Letterhead Letterhead(Agency agency, Government government) =>
        Documents.Letterhead.Of(government.Name, agency.Name, agency.Address);

    private static Signatory Signatory(PartyDto p) => new(p.Name, p.Position, p.Rank, p.Nip);

    private async Task<PartyDto> HeadAsync(Guid agencyId, CancellationToken ct) =>
        await Holders.FindAsync(db, clock, agencyId, null, Role.Head, ct) ?? new PartyDto("(belum ada pemegang jabatan)", "Kepala", null, null);

    private async Task<PerformanceReportDocument> BuildAsync(Report report, int versionNumber, SignedBy? signed, CancellationToken ct)
    {
        var period = Period.Parse(report.Period);
        var year = period.Year;
        var (agency, government) = await AgencyAsync(report.AgencyId, ct);
        var data = await RecapData.LoadAsync(db, [report.AgencyId], year, includeUnverified: false, ct);
        var scale = data.ScaleOf(report.AgencyId);
        var now = RecapCalculator.Agency(data, report.AgencyId, period);
        var lastYear = RecapCalculator.YearBefore(period) is { } ly ? RecapCalculator.Agency(data, report.AgencyId, ly) : null;
        var lastYearOf = lastYear?.Indicators.ToDictionary(f => f.Indicator.Id) ?? [];

        var narratives = await db.ReportNarratives.AsNoTracking().Where(n => n.ReportId == report.Id)
            .ToDictionaryAsync(n => n.Key, n => n.Text, ct);

        // Renstra (Bab II): the plan covering the year, its objectives under their goals.
        var plan = (await db.StrategicPlans.AsNoTracking().Where(p => p.AgencyId == report.AgencyId).ToListAsync(ct)).ForYear(year);
        var goals = plan is null ? [] : await db.Goals.AsNoTracking().Where(g => g.PlanId == plan.Id).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var objectiveGoals = plan is null ? [] : await db.Objectives.AsNoTracking().Where(o => o.PlanId == plan.Id)
            .ToDictionaryAsync(o => o.Id, o => o.GoalId, ct);

        // Budget: items, the year's pagu, and what verified worksheets report as spent through the period.
        var items = await db.BudgetItems.AsNoTracking().Where(i => i.AgencyId == report.AgencyId).ToListAsync(ct);
        var pagu = await db.BudgetLines.AsNoTracking().Where(l => l.AgencyId == report.AgencyId && l.Year == year)
            .ToDictionaryAsync(l => l.BudgetItemId, l => l.Pagu, ct);
        var spent = await SpentAsync(report.AgencyId, period, ct);

        var explanations = await ExplanationsAsync(report.AgencyId, period, data, ct);
        var firstYear = year - 5;
        var older = (await db.IndicatorHistory.AsNoTracking().Where(h => h.AgencyId == report.AgencyId && h.Year >= firstYear && h.Year < year - 1)
            .Select(h => new { h.IndicatorId, h.Year, h.Realization }).ToListAsync(ct))
            .ToLookup(h => h.IndicatorId, h => (h.Year, h.Realization));

        ReportProgram ProgramOf(BudgetItem item) => new(item.Code, item.Name, pagu.TryGetValue(item.Id, out var p) ? p : null,
            Spent(item), items.Where(c => c.ParentId == item.Id).OrderBy(c => c.Code, StringComparer.Ordinal).Select(ProgramOf).ToList());
        decimal? Spent(BudgetItem item)
        {
            // An item's realization is its own, or the sum of its children's when only they were reported.
            if (spent.TryGetValue(item.Id, out var s)) return s;
            var children = items.Where(c => c.ParentId == item.Id).Select(Spent).Where(v => v is not null).ToList();
            return children.Count == 0 ? null : children.Sum();
        }

        var programs = items.Where(i => i.Level == BudgetLevel.Program).OrderBy(i => i.Code, StringComparer.Ordinal).Select(ProgramOf).ToList();
        var indicatorRows = await db.Indicators.AsNoTracking().Where(i => i.AgencyId == report.AgencyId)
            .Select(i => new { i.Id, i.ObjectiveId, i.BudgetItemId, i.SupportsIndicatorId }).ToListAsync(ct);

        var objectives = now.Objectives.Select(o =>
        {
            var keyIds = o.Indicators.Select(f => f.Indicator.Id).ToHashSet();
            // Programs behind the objective: budget items of the indicators that support its key indicators (the cascade),
            // or of its own indicators.
            var behind = indicatorRows.Where(i => i.BudgetItemId is not null
                                                  && (keyIds.Contains(i.Id) || (i.SupportsIndicatorId is { } s && keyIds.Contains(s))))
                .Select(i => i.BudgetItemId!.Value).ToHashSet();
            var programsBehind = items.Where(i => behind.Contains(i.Id))
                .Select(i => i.Level == BudgetLevel.Program ? i : items.FirstOrDefault(p => p.Id == i.ParentId && p.Level == BudgetLevel.Program) ?? i)
                .DistinctBy(i => i.Id).OrderBy(i => i.Code, StringComparer.Ordinal).Select(ProgramOf).ToList();
            var absorption = BudgetPerformance.Absorption(
                programsBehind.Any(p => p.Realization is not null) ? programsBehind.Sum(p => p.Realization ?? 0) : null,
                programsBehind.Any(p => p.Pagu is not null) ? programsBehind.Sum(p => p.Pagu ?? 0) : null);
            return new ReportObjective(o.Objective.Code, o.Objective.Name,
                ReportAchievement.From(o.ToDate, scale), ReportAchievement.From(o.Alone, scale),
                o.Indicators.Select(f => Indicator(f, data, scale, lastYearOf.GetValueOrDefault(f.Indicator.Id), year, older)).ToList(),
                explanations.Where(e => e.ObjectiveId == o.Objective.Id).Select(e => e.Explanation).ToList(),
                new ReportEfficiency(absorption, BudgetPerformance.Efficiency(o.ToDate, absorption)),
                programsBehind);
        }).ToList();

        var strategic = new StrategicPlanSummary(plan?.FirstYear ?? year, plan?.LastYear ?? year,
            now.Objectives.Select(o => new StrategicObjective(o.Objective.Code, o.Objective.Name,
                objectiveGoals.GetValueOrDefault(o.Objective.Id) is { } g ? goals.GetValueOrDefault(g) : null,
                o.Indicators.Select(f =>
                {
                    var t = data.TargetsOf(f.Indicator.Id, year);
                    return new StrategicIndicator(f.Indicator.Code, f.Indicator.Name, f.Indicator.Measure, t.StrategicEndTarget);
                }).ToList())).ToList());
        var agreementTargets = now.Objectives.SelectMany(o => o.Indicators.Select(f =>
        {
            var t = data.TargetsOf(f.Indicator.Id, year);
            var range = f.Indicator.Polarity == Polarity.Range;
            return new AgreementTargetRow(o.Objective.Code, o.Objective.Name, f.Indicator.Name, range ? null : t.Annual,
                range ? t.RangeLow : null, range ? t.RangeHigh : null, f.Indicator.Measure);
        })).ToList();
        var agreementPrograms = programs.Select(p => new AgreementProgramRow(p.Code, p.Name, p.Pagu ?? 0)).ToList();

        var head = signed?.Signer ?? await HeadAsync(report.AgencyId, ct);
        var date = signed?.Date ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return new PerformanceReportDocument(report.Kind, period, Letterhead(agency, government), agency.Name, GetAgreement.PlaceOf(government.Name), date,
            narratives, ReportAchievement.From(now.ToDate, scale), ReportAchievement.From(now.Alone, scale), strategic, agreementTargets, agreementPrograms,
            objectives, programs, Signatory(head), signed?.Code, signed is null ? null : VerifyUrl(signed.Code), versionNumber);
    }

    private static ReportIndicator Indicator(IndicatorFigures f, RecapData data, CategoryScale scale, IndicatorFigures? lastYear, int year,
        ILookup<Guid, (int Year, decimal Realization)> older)
    {
        var i = f.Indicator;
        var t = data.TargetsOf(i.Id, year);
        var (toDate, alone) = (f.Recap.ToDate, f.Recap.Alone);
        ReportFigures Figures(SpanFigures s) => new(s.Target, s.RangeLow, s.RangeHigh, s.Realization, ReportAchievement.From(s.Achievement, scale));
        ReportAchievement Against(decimal? reference) =>
            reference is { } r && i.Polarity != Polarity.Range && toDate.Realization is { } real
                ? ReportAchievement.From(AchievementCalculator.Compute(i.Polarity, r, real), scale)
                : ReportAchievement.None;
        // Last year as the recap forms it (its rounds, or its recorded history); the years before from the recorded history.
        var earlier = new List<YearRealization> { new(year - 1, lastYear?.Recap.ToDate.Realization) };
        earlier.AddRange(older[i.Id].Where(h => h.Year < year - 1).OrderBy(h => h.Year).Select(h => new YearRealization(h.Year, h.Realization)));
        return new ReportIndicator(i.Code, i.Name, i.Measure, i.Polarity, Figures(toDate), Figures(alone), earlier,
            t.StrategicEndTarget, Against(t.StrategicEndTarget), t.NationalStandard, Against(t.NationalStandard));
    }

    /// <summary>
    /// What verified worksheets report as spent per budget item from January through the end of the period. Quarterly rounds
    /// are used when the year has any (a month's round of the same stretch would count twice), else monthly ones.
    /// </summary>
    private async Task<Dictionary<Guid, decimal>> SpentAsync(Guid agencyId, Period period, CancellationToken ct)
    {
        var year = period.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rows = await (from r in db.Rounds.AsNoTracking()
                          join w in db.Worksheets.AsNoTracking() on r.Id equals w.RoundId
                          join b in db.WorksheetBudgetLines.AsNoTracking() on w.Id equals b.WorksheetId
                          where r.AgencyId == agencyId && r.Period.StartsWith(year) && w.Status == WorksheetStatus.Verified && b.Realization != null
                          select new { r.Period, b.BudgetItemId, Realization = b.Realization!.Value }).ToListAsync(ct);
        var last = period.Months.Last;
        var inScope = rows.Select(r => (Period: Period.Parse(r.Period), r.BudgetItemId, r.Realization))
            .Where(r => r.Period.Months.Last <= last && r.Period.Kind is PeriodKind.Quarter or PeriodKind.Month).ToList();
        var kind = inScope.Any(r => r.Period.Kind == PeriodKind.Quarter) ? PeriodKind.Quarter : PeriodKind.Month;
        return inScope.Where(r => r.Period.Kind == kind).GroupBy(r => r.BudgetItemId).ToDictionary(g => g.Key, g => g.Sum(r => r.Realization));
    }

    private sealed record ObjectiveExplanation(Guid? ObjectiveId, UnitExplanation Explanation);

    /// <summary>Explanations units wrote in verified worksheets of rounds within the period, latest round first per indicator.</summary>
    private async Task<List<ObjectiveExplanation>> ExplanationsAsync(Guid agencyId, Period period, RecapData data, CancellationToken ct)
    {
        var year = period.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rows = await (from r in db.Rounds.AsNoTracking()
                          join w in db.Worksheets.AsNoTracking() on r.Id equals w.RoundId
                          join l in db.WorksheetLines.AsNoTracking() on w.Id equals l.WorksheetId
                          where r.AgencyId == agencyId && r.Period.StartsWith(year) && w.Status == WorksheetStatus.Verified
                                && l.Explanation != null && l.Explanation != ""
                          select new { r.Period, r.OrderedAt, w.UnitId, l.IndicatorId, l.Explanation }).ToListAsync(ct);
        var months = period.Months;
        var indicators = data.Indicators.ToDictionary(i => i.Id);
        return rows.Where(r => Period.Parse(r.Period) is var p && p.Months.First >= months.First && p.Months.Last <= months.Last)
            .Where(r => indicators.ContainsKey(r.IndicatorId))
            .OrderBy(r => indicators[r.IndicatorId].Code, StringComparer.Ordinal).ThenByDescending(r => r.OrderedAt)
            .DistinctBy(r => (r.IndicatorId, r.Explanation!.Trim()))
            .Select(r => new ObjectiveExplanation(indicators[r.IndicatorId].ObjectiveId,
                new UnitExplanation(data.Units.GetValueOrDefault(r.UnitId, "?"), indicators[r.IndicatorId].Code, r.Explanation!.Trim())))
            .ToList();
    }
}
