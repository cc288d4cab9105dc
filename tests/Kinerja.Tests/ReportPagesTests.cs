using System.Net;

namespace Kinerja.Tests;

/// <summary>The report pages over HTTP: the list and its create form, who sees which forms, messages next to the forms, 404 for outsiders.</summary>
public abstract class ReportPagesTests(KinerjaFixture f)
{
    private static FormUrlEncodedContent Form(string page, params (string Key, string Value)[] fields) =>
        new(fields.Select(x => KeyValuePair.Create(x.Key, x.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", Http.FormToken(page))));

    [Fact]
    public async Task A_report_is_created_and_run_from_its_pages()
    {
        await RecapScenario.EnsurePasrujambeAsync(f);
        var agency = await f.AgencyIdAsync(RecapScenario.Pasrujambe);
        var coordinator = await f.SignInPagesAsync("pasrujambe.kasubbag-pk");
        var list = await coordinator.GetStringAsync($"/Reports?agencyId={agency}");
        list.ShouldContain("data-testid=\"create-report\"");
        list.ShouldContain("data-testid=\"nav-reports\"");

        // Bad input is explained next to the form, which keeps what was typed.
        var bad = await coordinator.PostAsync($"/Reports?agencyId={agency}", Form(list, ("Create.Kind", "quarterly"), ("Create.Period", "2026-S1")));
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var badPage = await bad.Content.ReadAsStringAsync();
        badPage.ShouldContain("Laporan triwulan disusun untuk satu triwulan, mis. 2026-Q2.");
        badPage.ShouldContain("value=\"2026-S1\"");

        var created = await coordinator.PostAsync($"/Reports?agencyId={agency}", Form(list, ("Create.Kind", "quarterly"), ("Create.Period", "2026-Q1")));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var url = created.Headers.Location!.OriginalString;
        url.ShouldStartWith("/Reports/Details/");
        (await coordinator.GetStringAsync($"/Reports?agencyId={agency}")).ShouldContain("Laporan Kinerja Triwulan I Tahun 2026");

        // The coordinator sees the sections with their narrative forms and the step to take; a unit head reads only.
        var details = await coordinator.GetStringAsync(url);
        details.ShouldContain("data-testid=\"section\"");
        details.ShouldContain("data-testid=\"narrative-form\"");
        details.ShouldContain("data-testid=\"action-circulate\"");
        details.ShouldContain("data-testid=\"docx-1\"");
        var unitHead = await f.SignInPagesAsync("pasrujambe.kasi-kesos");
        var readOnly = await unitHead.GetStringAsync(url);
        readOnly.ShouldContain("data-testid=\"section\"");
        readOnly.ShouldNotContain("data-testid=\"action-");
        readOnly.ShouldNotContain("data-testid=\"narrative-form\"");

        // A narrative saved through the page shows who saved it.
        var saved = await coordinator.PostAsync($"{url}?handler=Section&key=executive-summary", Form(details, ("text", "Capaian triwulan ini baik.")));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await coordinator.GetStringAsync(url)).ShouldContain("Capaian triwulan ini baik.");

        (await coordinator.PostAsync($"{url}?handler=Action&step=circulate", Form(details))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var circulated = await unitHead.GetStringAsync(url);
        circulated.ShouldContain("data-testid=\"comment-form\"");

        // Returning without a reason is explained; a step the status does not allow lists what is allowed.
        var page = await coordinator.GetStringAsync(url);
        var noReason = await coordinator.PostAsync($"{url}?handler=Action&step=return", Form(page, ("Act.Reason", " ")));
        noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("Alasan pengembalian laporan wajib diisi.");
        var wrongStep = await coordinator.PostAsync($"{url}?handler=Action&step=archive", Form(page));
        wrongStep.StatusCode.ShouldBe(HttpStatusCode.OK);
        var wrongPage = await wrongStep.Content.ReadAsStringAsync();
        var allowed = System.Text.RegularExpressions.Regex.Match(wrongPage, "data-testid=\"allowed-actions\">([^<]*)<").Groups[1].Value;
        allowed.ShouldContain("revisi");
        allowed.ShouldContain("kembalikan");
        allowed.ShouldNotContain("arsipkan");

        // The draft's PDF is asked for from the page and made in the background; the fragment polls until the link appears.
        var ask = new HttpRequestMessage(HttpMethod.Post, $"{url}?handler=Pdf&version=1") { Content = Form(page) };
        ask.Headers.Add("HX-Request", "true");
        var fragment = await (await coordinator.SendAsync(ask)).Content.ReadAsStringAsync();
        fragment.ShouldContain("data-testid=\"pdf-1\"");
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!fragment.Contains("data-testid=\"pdf-download\"", StringComparison.Ordinal))
        {
            fragment.ShouldContain("hx-trigger=\"every 2s\"");
            fragment.ShouldContain("progress-bar");
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the PDF job did not finish");
            await Task.Delay(500);
            fragment = await coordinator.GetStringAsync($"{url}?handler=PdfProgress&version=1");
        }

        var pdf = await coordinator.GetAsync($"{url}?handler=Pdf&version=1");
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await pdf.Content.ReadAsByteArrayAsync()).AsSpan(0, 5).ToArray().ShouldBe("%PDF-"u8.ToArray());

        var outsider = await f.SignInPagesAsync("dkp.kasubag-kp");
        (await outsider.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"{url}?handler=Docx&version=1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class ReportPagesTestsOnSqlite(SqliteFixture f) : ReportPagesTests(f), IClassFixture<SqliteFixture>;

public sealed class ReportPagesTestsOnPostgres(PostgresFixture f) : ReportPagesTests(f), IClassFixture<PostgresFixture>;
