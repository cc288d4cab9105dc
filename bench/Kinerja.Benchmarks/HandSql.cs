using System.Data.Common;

namespace Kinerja.Benchmarks;

/// <summary>
/// The recap's headline figures in one hand-written query: each indicator's achievement to date (1 January through the end
/// of quarter n, n = 4 for the year) by its polarity and aggregation, each objective's weighted mean, and the agency's mean
/// of its objectives — computed in the database. It follows docs/recap.md and the rules of Kinerja.Domain.Achievement for
/// quarterly rounds (the data set has only those); monthly, semester and year rounds, unverified values and history are
/// what the application also handles and this query does not.
/// <para>The intermediate results are <c>MATERIALIZED</c> (PostgreSQL 12+, SQLite 3.35+): on a national-size database
/// PostgreSQL otherwise under-estimates the indicators of the agencies (an <c>IN (SELECT ...)</c> it cannot see through) and
/// rescans the quarters' values once per indicator, 11-19 s for a government instead of well under 0.1 s.</para>
/// </summary>
public static class HandSql
{
    /// <summary>A query for one agency (<c>@scope</c> = agency id) or a whole government (<c>@scope</c> = government id).</summary>
    public static string Text(string kind, bool government, bool perIndicator)
    {
        var (num, greatest) = kind == BenchDatabase.Sqlite ? ("REAL", "MAX") : ("numeric", "GREATEST");
        var scope = government ? "\"GovernmentId\"" : "\"Id\"";
        var final = perIndicator
            ? """SELECT "Id" AS id, ROUND(achievement, 10) AS achievement FROM ach"""
            : """
              SELECT ag."Id" AS id, ROUND(AVG(obj.mean), 10) AS achievement
              FROM ag LEFT JOIN obj ON obj.agency = ag."Id"
              GROUP BY ag."Id"
              """;
        return $$"""
            WITH ag AS (
                SELECT "Id" FROM "Agencies" WHERE {{scope}} = @scope
            ),
            renstra AS (  -- per agency the Renstra covering the year, else the latest
                SELECT id FROM (
                    SELECT p."Id" AS id, ROW_NUMBER() OVER (PARTITION BY p."AgencyId"
                        ORDER BY CASE WHEN p."FirstYear" <= @year AND @year <= p."LastYear" THEN 0 ELSE 1 END, p."FirstYear" DESC) AS rn
                    FROM "StrategicPlans" p WHERE p."AgencyId" IN (SELECT "Id" FROM ag)) x
                WHERE rn = 1
            ),
            latest AS MATERIALIZED (  -- verified quarterly values; of several rounds for one quarter the one ordered last counts
                SELECT l."IndicatorId" AS indicator, r."Period" AS period, CAST(l."Realization" AS {{num}}) AS v,
                       ROW_NUMBER() OVER (PARTITION BY l."IndicatorId", r."Period" ORDER BY r."OrderedAt" DESC) AS rn
                FROM "Rounds" r
                JOIN "Worksheets" w ON w."RoundId" = r."Id"
                JOIN "WorksheetLines" l ON l."WorksheetId" = w."Id"
                WHERE r."AgencyId" IN (SELECT "Id" FROM ag)
                  AND r."Period" BETWEEN @first AND @last  -- 'YYYY-Q1'..'YYYY-Qn' ('YYYY-Mmm' sorts before, 'YYYY-Sn' after)
                  AND w."Status" = 'Verified' AND l."Realization" IS NOT NULL
            ),
            realized AS MATERIALIZED (
                SELECT indicator, COUNT(*) AS reported, SUM(v) AS total, AVG(v) AS mean,
                       MAX(CASE WHEN period = @last THEN v END) AS final
                FROM latest WHERE rn = 1 GROUP BY indicator
            ),
            tgt AS MATERIALIZED (
                SELECT "IndicatorId" AS indicator, annual, lo, hi,
                       q1 + CASE WHEN @n >= 2 THEN q2 ELSE 0 END + CASE WHEN @n >= 3 THEN q3 ELSE 0 END
                          + CASE WHEN @n >= 4 THEN q4 ELSE 0 END AS plan_sum,
                       CASE @n WHEN 1 THEN q1 WHEN 2 THEN q2 WHEN 3 THEN q3 ELSE q4 END AS plan_last,
                       (COALESCE(q1, 0) + CASE WHEN @n >= 2 THEN COALESCE(q2, 0) ELSE 0 END
                          + CASE WHEN @n >= 3 THEN COALESCE(q3, 0) ELSE 0 END + CASE WHEN @n >= 4 THEN COALESCE(q4, 0) ELSE 0 END)
                       / NULLIF(CASE WHEN q1 IS NULL THEN 0 ELSE 1 END + CASE WHEN @n >= 2 AND q2 IS NOT NULL THEN 1 ELSE 0 END
                          + CASE WHEN @n >= 3 AND q3 IS NOT NULL THEN 1 ELSE 0 END + CASE WHEN @n >= 4 AND q4 IS NOT NULL THEN 1 ELSE 0 END, 0) AS plan_avg
                FROM (SELECT "IndicatorId", CAST("Annual" AS {{num}}) AS annual, CAST("RangeLow" AS {{num}}) AS lo, CAST("RangeHigh" AS {{num}}) AS hi,
                             CAST("Q1" AS {{num}}) AS q1, CAST("Q2" AS {{num}}) AS q2, CAST("Q3" AS {{num}}) AS q3, CAST("Q4" AS {{num}}) AS q4
                      FROM "IndicatorTargets" WHERE "AgencyId" IN (SELECT "Id" FROM ag) AND "Year" = @year) t
            ),
            fig AS MATERIALIZED (  -- to date: realization and target by aggregation (the annual target for the whole year), or the band
                SELECT i."Id", i."AgencyId" AS agency, i."ObjectiveId" AS objective, i."Polarity" AS polarity, CAST(i."Weight" AS {{num}}) AS weight,
                       CASE i."Aggregation" WHEN 'Sum' THEN CASE WHEN r.reported = @n THEN r.total END
                                            WHEN 'Last' THEN r.final ELSE r.mean END AS realization,
                       CASE WHEN i."Polarity" = 'Range' THEN NULL
                            WHEN @n = 4 AND t.annual IS NOT NULL THEN t.annual
                            WHEN i."Aggregation" = 'Sum' THEN t.plan_sum
                            WHEN i."Aggregation" = 'Last' THEN t.plan_last
                            ELSE t.plan_avg END AS target,
                       CASE WHEN i."Polarity" = 'Range' AND (i."Aggregation" <> 'Sum' OR @n = 4) THEN t.lo END AS lo,
                       CASE WHEN i."Polarity" = 'Range' AND (i."Aggregation" <> 'Sum' OR @n = 4) THEN t.hi END AS hi
                FROM "Indicators" i
                LEFT JOIN realized r ON r.indicator = i."Id"
                LEFT JOIN tgt t ON t.indicator = i."Id"
                WHERE i."AgencyId" IN (SELECT "Id" FROM ag)
            ),
            ach AS (  -- AchievementCalculator: higher R/T, lower (2T-R)/T, range 100 inside the band; null when not computable
                SELECT "Id", agency, objective, weight, CASE
                    WHEN realization IS NULL THEN NULL
                    WHEN polarity = 'Higher' THEN CASE WHEN target > 0 THEN {{greatest}}(0, realization * 100 / target) END
                    WHEN polarity = 'Lower' THEN CASE WHEN target > 0 THEN {{greatest}}(0, (2 * target - realization) * 100 / target)
                                                      WHEN target = 0 THEN CASE WHEN realization <= 0 THEN 100 ELSE 0 END END
                    WHEN lo IS NULL OR hi IS NULL OR lo > hi OR lo < 0 THEN NULL
                    WHEN realization < lo THEN CASE WHEN lo > 0 THEN {{greatest}}(0, realization * 100 / lo) END
                    WHEN realization > hi THEN CASE WHEN hi > 0 THEN {{greatest}}(0, (2 * hi - realization) * 100 / hi) ELSE 0 END
                    ELSE 100 END AS achievement
                FROM fig
            ),
            obj AS (  -- objectives of the Renstra: weighted mean of their computed indicators
                SELECT a.agency, a.objective, SUM(a.achievement * a.weight) / NULLIF(SUM(a.weight), 0) AS mean
                FROM ach a JOIN "Objectives" o ON o."Id" = a.objective
                WHERE o."PlanId" IN (SELECT id FROM renstra) AND a.achievement IS NOT NULL
                GROUP BY a.agency, a.objective
            )
            {{final}}
            """;
    }

    /// <summary>Runs a query of <see cref="Text"/> for quarter <paramref name="n"/> of <paramref name="year"/>: (id, achievement) rows.</summary>
    public static async Task<List<(Guid Id, decimal? Achievement)>> RunAsync(BenchDatabase db, string sql, Guid scope, int year, int n)
    {
        await using var conn = db.NewConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        Add(cmd, "scope", db.IdParameter(scope));
        Add(cmd, "year", year);
        Add(cmd, "n", n);
        Add(cmd, "first", $"{year}-Q1");
        Add(cmd, "last", $"{year}-Q{n}");
        var rows = new List<(Guid, decimal?)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((BenchDatabase.ReadId(reader.GetValue(0)), reader.IsDBNull(1) ? null : Convert.ToDecimal(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = "@" + name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
