using System.Globalization;

namespace Kinerja.Benchmarks;

/// <summary>
/// Before anything is timed: the application's recap and the hand-written SQL must give the same figures, for every
/// indicator and every agency, for the quarter and for the year. The application shows achievements rounded to 2
/// decimals (midpoint away from zero) and the SQL gives them unrounded, so they agree when they differ by at most 0.005;
/// a figure missing on one side only is a disagreement.
/// </summary>
public static class Agreement
{
    public sealed class DisagreementException(string message) : Exception(message);

    public static async Task CheckAsync(BenchDatabase db, TextWriter log)
    {
        var data = db.Data;
        var year = data.Shape.LastYear;
        foreach (var (period, n) in new[] { ($"{year}-Q2", 2), ($"{year}", 4) })
        {
            var problems = new List<string>();
            int indicators = 0, computed = 0;
            var perIndicator = HandSql.Text(db.Kind, government: false, perIndicator: true);
            var perAgency = HandSql.Text(db.Kind, government: false, perIndicator: false);
            var appAgencies = new Dictionary<Guid, decimal?>();
            var appIndicators = new Dictionary<Guid, decimal?>();
            foreach (var agencyId in data.AgencyIds)
            {
                var recap = await AppRecap.AgencyAsync(db, agencyId, period);
                var app = AppRecap.Indicators(recap).ToDictionary(i => i.Id, i => i.Achievement);
                var sql = (await HandSql.RunAsync(db, perIndicator, agencyId, year, n)).ToDictionary(i => i.Id, i => i.Achievement);
                Compare(problems, $"{period} agency {agencyId}: indicators", app.Count, sql.Count);
                foreach (var (id, a) in app)
                {
                    Compare(problems, $"{period} indicator {id}", a, sql.GetValueOrDefault(id));
                    appIndicators[id] = a;
                    indicators++;
                    if (a is not null) computed++;
                }

                var mean = (await HandSql.RunAsync(db, perAgency, agencyId, year, n)).Single();
                Compare(problems, $"{period} agency {agencyId}", recap.AgencyAchievement, mean.Achievement);
                appAgencies[agencyId] = recap.AgencyAchievement;
            }

            var government = await AppRecap.GovernmentAsync(db, data.GovernmentId, period);
            var sqlGovernment = (await HandSql.RunAsync(db, HandSql.Text(db.Kind, government: true, perIndicator: false), data.GovernmentId, year, n))
                .ToDictionary(a => a.Id, a => a.Achievement);
            Compare(problems, $"{period} government: agencies", government.Agencies.Count, sqlGovernment.Count);
            foreach (var a in government.Agencies)
            {
                Compare(problems, $"{period} government, agency {a.AgencyId}", a.AgencyAchievement, sqlGovernment.GetValueOrDefault(a.AgencyId));
                Compare(problems, $"{period} government vs agency recap, agency {a.AgencyId}", a.AgencyAchievement, appAgencies[a.AgencyId]);
            }

            var sqlGovernmentIndicators = await HandSql.RunAsync(db, HandSql.Text(db.Kind, government: true, perIndicator: true), data.GovernmentId, year, n);
            Compare(problems, $"{period} government: indicators", appIndicators.Count, sqlGovernmentIndicators.Count);
            foreach (var (id, a) in sqlGovernmentIndicators) Compare(problems, $"{period} government indicator {id}", appIndicators.GetValueOrDefault(id), a);

            if (computed < indicators * 0.7) problems.Add($"{period}: only {computed} of {indicators} indicators have an achievement; the data set is not useful.");
            if (problems.Count > 0)
            {
                throw new DisagreementException($"[{db.Kind}] the application and the SQL disagree for {period} ({problems.Count} differences):\n  "
                                                + string.Join("\n  ", problems.Take(20)));
            }

            var means = appAgencies.Values.Where(v => v is not null).Select(v => v!.Value).ToList();
            log.WriteLine(FormattableString.Invariant(
                $"[{db.Kind}] {period}: application and SQL agree on {indicators} indicators ({computed} with an achievement) and {appAgencies.Count} agency means (from {means.Min()} to {means.Max()} %), per agency and for the government."));
        }
    }

    private static void Compare(List<string> problems, string what, int app, int sql)
    {
        if (app != sql) problems.Add($"{what}: application {app}, SQL {sql}");
    }

    private static void Compare(List<string> problems, string what, decimal? app, decimal? sql)
    {
        var agree = (app, sql) switch
        {
            (null, null) => true,
            ({ } a, { } s) => Math.Abs(a - s) <= 0.005m + 0.000000001m,
            _ => false,
        };
        if (!agree) problems.Add($"{what}: application {app?.ToString(CultureInfo.InvariantCulture) ?? "null"}, SQL {sql?.ToString(CultureInfo.InvariantCulture) ?? "null"}");
    }
}
