using Microsoft.Playwright;

namespace Kinerja.BrowserTests;

/// <summary>Reads Chart.js charts back from a page.</summary>
public static class Charts
{
    /// <summary>
    /// Waits until the chart on canvas <paramref name="canvasId"/> exists and has finished its animation: a screenshot
    /// taken earlier shows bars and points on their way up from zero, not at their values.
    /// </summary>
    public static Task DrawnAsync(IPage page, string canvasId) =>
        page.WaitForFunctionAsync(
            "id => { const c = window.Chart && Chart.getChart(document.getElementById(id)); return !!c && !Chart.animator.running(c); }",
            canvasId);

    /// <summary>Each dataset of the chart as "label: [values]" (JSON numbers, null where there is no value).</summary>
    public static async Task<IReadOnlyList<string>> DatasetsAsync(IPage page, string canvasId)
    {
        await DrawnAsync(page, canvasId);
        return await page.EvaluateAsync<string[]>(
            "id => Chart.getChart(document.getElementById(id)).data.datasets.map(d => d.label + ': ' + JSON.stringify(d.data))", canvasId);
    }

    /// <summary>
    /// What the chart has drawn: each dataset as "label: [values]" read back from its bars' and points' positions on the
    /// y scale (one decimal), null where the value is null (Chart.js draws no bar or point there).
    /// </summary>
    public static async Task<IReadOnlyList<string>> DrawnValuesAsync(IPage page, string canvasId)
    {
        await DrawnAsync(page, canvasId);
        return await page.EvaluateAsync<string[]>(
            """
            id => {
              const c = Chart.getChart(document.getElementById(id));
              return c.data.datasets.map((d, i) => d.label + ': ' + JSON.stringify(c.getDatasetMeta(i).data.map((e, j) =>
                d.data[j] === null || e.skip ? null : Math.round(c.scales.y.getValueForPixel(e.y) * 10) / 10)));
            }
            """, canvasId);
    }
}
