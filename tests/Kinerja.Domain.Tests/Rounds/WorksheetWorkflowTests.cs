using Kinerja.Domain.Rounds;
using Shouldly;

namespace Kinerja.Domain.Tests.Rounds;

public class WorksheetWorkflowTests
{
    public static TheoryData<WorksheetStatus, WorksheetAction, bool> Transitions()
    {
        var allowed = new Dictionary<WorksheetStatus, WorksheetAction[]>
        {
            [WorksheetStatus.NotStarted] = [WorksheetAction.Edit, WorksheetAction.Submit],
            [WorksheetStatus.Draft] = [WorksheetAction.Edit, WorksheetAction.Submit],
            [WorksheetStatus.Submitted] = [WorksheetAction.Accept, WorksheetAction.Return],
            [WorksheetStatus.Returned] = [WorksheetAction.Edit, WorksheetAction.Submit],
            [WorksheetStatus.Verified] = [WorksheetAction.Reopen],
        };
        var data = new TheoryData<WorksheetStatus, WorksheetAction, bool>();
        foreach (var s in Enum.GetValues<WorksheetStatus>())
            foreach (var a in Enum.GetValues<WorksheetAction>())
                data.Add(s, a, allowed[s].Contains(a));
        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Every_status_allows_exactly_its_actions(WorksheetStatus status, WorksheetAction action, bool allowed)
    {
        WorksheetWorkflow.IsAllowed(status, action).ShouldBe(allowed);
        if (allowed)
        {
            Should.NotThrow(() => WorksheetWorkflow.Ensure(status, action));
        }
        else
        {
            var ex = Should.Throw<WorkflowException>(() => WorksheetWorkflow.Ensure(status, action));
            ex.AllowedActions.ShouldBe(WorksheetWorkflow.Allowed(status).Select(WorksheetWorkflow.ApiName));
            ex.Message.ShouldStartWith("Kertas kerja berstatus");
        }
    }

    [Theory]
    [InlineData(WorksheetStatus.NotStarted, WorksheetStatus.Draft)]
    [InlineData(WorksheetStatus.Draft, WorksheetStatus.Draft)]
    [InlineData(WorksheetStatus.Returned, WorksheetStatus.Returned)]
    public void Editing(WorksheetStatus from, WorksheetStatus to) => WorksheetWorkflow.AfterEdit(from).ShouldBe(to);

    private static readonly LineForSubmit Good = new("IKU-01", 82m, null, false);

    public static TheoryData<LineForSubmit[], string[]> Submissions => new()
    {
        { [Good], [] },
        { [Good, new LineForSubmit("IKU-02", 0m, null, false)], [] },
        { [], ["0: Kertas kerja tidak berisi indikator."] },
        { [Good, new LineForSubmit("IKU-02", null, null, false)], ["2: Realisasi IKU-02 belum diisi."] },
        { [new LineForSubmit("IKU-03", 40m, " ", true)], ["1: Realisasi IKU-03 jauh dari target atau dari periode sebelumnya: isi penjelasan (faktor pendukung/penghambat)."] },
        { [new LineForSubmit("IKU-03", 40m, "Survei tertunda karena banjir", true)], [] },
    };

    [Theory]
    [MemberData(nameof(Submissions))]
    public void Submitting_needs_every_value_and_the_explanations_asked_for(LineForSubmit[] lines, string[] problems) =>
        WorksheetWorkflow.SubmitProblems(WorksheetStatus.Draft, lines).Select(p => $"{p.Line}: {p.Problem}").ShouldBe(problems);

    public static TheoryData<WorksheetAction, LineReview[], WorksheetStatus> Reviews => new()
    {
        { WorksheetAction.Accept, [LineReview.Accepted, LineReview.Accepted], WorksheetStatus.Verified },
        { WorksheetAction.Accept, [LineReview.Accepted, LineReview.Pending], WorksheetStatus.Submitted },
        { WorksheetAction.Return, [LineReview.Returned, LineReview.Pending], WorksheetStatus.Submitted },
        { WorksheetAction.Return, [LineReview.Returned, LineReview.Accepted], WorksheetStatus.Returned },
        { WorksheetAction.Accept, [LineReview.Accepted, LineReview.Returned], WorksheetStatus.Returned },
        { WorksheetAction.Accept, [LineReview.Accepted], WorksheetStatus.Verified },
    };

    [Theory]
    [MemberData(nameof(Reviews))]
    public void A_review_verifies_returns_or_waits(WorksheetAction decision, LineReview[] after, WorksheetStatus expected) =>
        WorksheetWorkflow.AfterReview(WorksheetStatus.Submitted, decision, "koordinator", "staf", "Mohon cek data dukung", after).ShouldBe(expected);

    [Theory]
    [InlineData("staf", "staf", "Mohon cek", "Yang mengirim nilai tidak boleh memverifikasinya sendiri.")]
    [InlineData("STAF", "staf", "Mohon cek", "Yang mengirim nilai tidak boleh memverifikasinya sendiri.")]
    [InlineData("koordinator", "staf", "", "Alasan pengembalian wajib diisi, agar unit tahu apa yang harus dikonfirmasi.")]
    [InlineData("koordinator", "staf", null, "Alasan pengembalian wajib diisi, agar unit tahu apa yang harus dikonfirmasi.")]
    public void Reviews_that_are_refused(string reviewer, string submitter, string? reason, string message)
    {
        var ex = Should.Throw<WorkflowException>(() =>
            WorksheetWorkflow.AfterReview(WorksheetStatus.Submitted, WorksheetAction.Return, reviewer, submitter, reason, [LineReview.Returned]));
        ex.Message.ShouldBe(message);
    }

    [Fact]
    public void Reviewing_a_draft_is_a_wrong_state()
    {
        var ex = Should.Throw<WorkflowException>(() =>
            WorksheetWorkflow.AfterReview(WorksheetStatus.Draft, WorksheetAction.Accept, "koordinator", "staf", null, [LineReview.Accepted]));
        ex.AllowedActions.ShouldBe(["edit", "submit"]);
    }

    [Theory]
    [InlineData("Data salah ketik", WorksheetStatus.Draft, null)]
    [InlineData("", null, "Alasan membuka kembali kertas kerja wajib diisi.")]
    public void Reopening_needs_a_reason(string reason, WorksheetStatus? expected, string? message)
    {
        if (expected is { } e) WorksheetWorkflow.Reopen(WorksheetStatus.Verified, reason).ShouldBe(e);
        else Should.Throw<WorkflowException>(() => WorksheetWorkflow.Reopen(WorksheetStatus.Verified, reason)).Message.ShouldBe(message);
    }

    private static readonly DateTimeOffset Deadline = new(2026, 4, 10, 16, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(WorksheetStatus.NotStarted, 1, true)]
    [InlineData(WorksheetStatus.Draft, 1, true)]
    [InlineData(WorksheetStatus.Returned, 1, true)]
    [InlineData(WorksheetStatus.Submitted, 1, false)]
    [InlineData(WorksheetStatus.Verified, 1, false)]
    [InlineData(WorksheetStatus.Draft, -1, false)]
    public void Late_is_past_the_deadline_and_not_yet_submitted(WorksheetStatus status, int minutesAfter, bool late) =>
        WorksheetWorkflow.IsLate(status, Deadline, Deadline.AddMinutes(minutesAfter)).ShouldBe(late);

    [Fact]
    public void No_deadline_is_never_late() => WorksheetWorkflow.IsLate(WorksheetStatus.Draft, null, DateTimeOffset.MaxValue).ShouldBeFalse();
}

public class ExplanationRuleTests
{
    [Theory]
    [InlineData("100", "50", "48", false)]
    [InlineData("80", "50", "48", false)]
    [InlineData("79.99", "50", "48", true)]
    [InlineData("120", "50", "48", false)]
    [InlineData("120.01", "50", "48", true)]
    [InlineData("100", "76", "50", true)]
    [InlineData("100", "75", "50", false)]
    [InlineData("100", "24", "50", true)]
    [InlineData("100", "50", "0", false)]
    [InlineData(null, "50", null, false)]
    [InlineData(null, "200", "100", true)]
    public void Far_from_target_or_from_last_period_asks_for_an_explanation(string? achievement, string realization, string? previous, bool needs) =>
        ExplanationRule.Default.Needs(D(achievement), D(realization), D(previous)).ShouldBe(needs);

    private static decimal? D(string? s) => s is null ? null : decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
