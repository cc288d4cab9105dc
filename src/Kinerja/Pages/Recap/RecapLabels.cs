using System.Text.RegularExpressions;
using Kinerja.Domain.Common;
using Kinerja.Domain.Plan;

namespace Kinerja.Pages.Recap;

/// <summary>How the recap pages show figures, categories and periods.</summary>
public static partial class RecapLabels
{
    /// <summary>The CSS class that colours a category badge (the policy allows no inline styles): category-darkgreen, ...</summary>
    public static string CategoryClass(string? colour) =>
        colour is not null && CssName().IsMatch(colour) ? "category-" + colour.ToLowerInvariant() : "category-other";

    public static string Figure(decimal? value) => value is { } v ? IndonesianFormat.Number(v) : "–";

    public static string Percent(decimal? value) => value is { } v ? IndonesianFormat.Percent(v) : "–";

    /// <summary>A target, or a range target "81 - 91".</summary>
    public static string Target(decimal? target, decimal? low, decimal? high) =>
        target is { } t ? IndonesianFormat.Number(t)
        : low is { } a && high is { } b ? IndonesianFormat.Number(a) + " - " + IndonesianFormat.Number(b)
        : "–";

    /// <summary>The Indonesian label (a key for <c>M[...]</c>) of an early-warning outlook.</summary>
    public static string Outlook(string outlook) => outlook switch
    {
        "atRisk" => "Berisiko tidak tercapai",
        "onTrack" => "Diperkirakan tercapai",
        _ => "Belum dapat diproyeksikan",
    };

    /// <summary>The periods of a year offered in the picker: the year, its semesters, quarters and months.</summary>
    public static IEnumerable<Period> PeriodsOf(int year) =>
        new[] { Period.OfYear(year) }
            .Concat(Enumerable.Range(1, 2).Select(s => Period.Semester(year, s)))
            .Concat(Enumerable.Range(1, 4).Select(q => Period.Quarter(year, q)))
            .Concat(Enumerable.Range(1, 12).Select(m => Period.Month(year, m)));

    [GeneratedRegex("^[a-z]{3,20}$")]
    private static partial Regex CssName();
}
