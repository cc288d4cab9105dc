using Kinerja.Domain.Plan;
using Kinerja.Domain.Reports;
using Kinerja.Domain.Rounds;
using Shouldly;
using S = Kinerja.Domain.Reports.ReportStatus;
using A = Kinerja.Domain.Reports.ReportAction;

namespace Kinerja.Domain.Tests.Reports;

public class ReportWorkflowTests
{
    /// <summary>The expected table, written out independently of the code: status -> (action -> next status).</summary>
    private static readonly Dictionary<S, Dictionary<A, S>> Table = new()
    {
        [S.Draft] = new() { [A.Circulate] = S.Circulated },
        [S.Circulated] = new() { [A.Comment] = S.Circulated, [A.Revise] = S.Revised, [A.Return] = S.Draft },
        [S.Revised] = new() { [A.Circulate] = S.Circulated, [A.Finalize] = S.Finalized, [A.Return] = S.Circulated },
        [S.Finalized] = new() { [A.SubmitForApproval] = S.SubmittedForApproval, [A.Return] = S.Revised },
        [S.SubmittedForApproval] = new() { [A.Initial] = S.CoordinatorInitialled, [A.Return] = S.Finalized },
        [S.CoordinatorInitialled] = new() { [A.Initial] = S.Initialled, [A.Return] = S.SubmittedForApproval },
        [S.Initialled] = new() { [A.Approve] = S.Approved, [A.Return] = S.CoordinatorInitialled },
        [S.Approved] = new() { [A.Sign] = S.Signed, [A.Return] = S.Initialled },
        [S.Signed] = new() { [A.NumberCoverLetter] = S.Numbered },
        [S.Numbered] = new() { [A.RecordCopies] = S.CopiesRecorded },
        [S.CopiesRecorded] = new() { [A.Dispatch] = S.PartlyDispatched },
        [S.PartlyDispatched] = new() { [A.Dispatch] = S.PartlyDispatched },
        [S.Dispatched] = new() { [A.Dispatch] = S.Dispatched, [A.Archive] = S.Archived },
        [S.Archived] = new(),
    };

    /// <summary>A body that satisfies every action; for initials, the one the status is waiting for.</summary>
    private static ReportActionContext Complete(S status) => new()
    {
        Reason = "Angka realisasi IKU-02 salah",
        Comment = "Bab III: tambahkan penyebab kegagalan",
        InitialBy = status == S.CoordinatorInitialled ? ReportInitialer.Secretary : ReportInitialer.Coordinator,
        Meeting = new FinalizationMeeting(new DateOnly(2026, 2, 10), ["Camat", "Sekcam", "Kasubbag PEP"], "Draf disetujui dengan perbaikan"),
        Copies = 5,
        Recipient = status == S.Dispatched ? "DPRD" : ReportRecipients.Bappeda,
        DispatchedTo = status == S.Dispatched ? ReportRecipients.Required(ReportKind.Annual) : [ReportRecipients.HeadOfRegion],
        RequiredRecipients = ReportRecipients.Required(ReportKind.Annual),
    };

    public static TheoryData<S, A> Cells()
    {
        var data = new TheoryData<S, A>();
        foreach (var s in Enum.GetValues<S>())
            foreach (var a in Enum.GetValues<A>())
                data.Add(s, a);
        return data;
    }

    [Fact]
    public void The_table_covers_every_status() => Table.Keys.Order().ShouldBe(Enum.GetValues<S>());

    [Theory]
    [MemberData(nameof(Cells))]
    public void Every_status_and_action(S status, A action)
    {
        ReportWorkflow.Allowed(status).ShouldBe(Table[status].Keys, ignoreOrder: true);
        if (Table[status].TryGetValue(action, out var next))
        {
            ReportWorkflow.IsAllowed(status, action).ShouldBeTrue();
            ReportWorkflow.After(status, action, Complete(status)).ShouldBe(next);
        }
        else
        {
            ReportWorkflow.IsAllowed(status, action).ShouldBeFalse();
            var ex = Should.Throw<WorkflowException>(() => ReportWorkflow.After(status, action, Complete(status)));
            ex.AllowedActions.ShouldBe(Table[status].Keys.Select(ReportWorkflow.ApiName), ignoreOrder: true);
            ex.Message.ShouldBe($"Laporan berstatus {ReportWorkflow.Label(status)} tidak dapat di-{ReportWorkflow.Label(action)}.");
        }
    }

    [Fact]
    public void Action_names_are_the_api_ones()
    {
        Enum.GetValues<A>().Select(ReportWorkflow.ApiName).ShouldBe(
        [
            "circulate", "comment", "revise", "finalize", "submit-for-approval", "initial", "approve",
            "sign", "number-cover-letter", "record-copies", "dispatch", "archive", "return",
        ]);
        foreach (var a in Enum.GetValues<A>()) ReportWorkflow.ParseAction(ReportWorkflow.ApiName(a)).ShouldBe(a);
        ReportWorkflow.ParseAction("Submit-For-Approval").ShouldBe(A.SubmitForApproval);
        ReportWorkflow.ParseAction("publish").ShouldBeNull();
        ReportWorkflow.ParseAction(null).ShouldBeNull();
    }

    [Theory]
    [InlineData(ReportKind.Quarterly, "2026-Q1", 3)]
    [InlineData(ReportKind.Semester, "2026-S1", 3)]
    [InlineData(ReportKind.Annual, "2025", 4)]
    public void The_whole_path_for_each_kind(ReportKind kind, string period, int recipients)
    {
        ReportWorkflow.PeriodProblem(kind, Period.Parse(period)).ShouldBeNull();
        var required = ReportRecipients.Required(kind);
        required.Count.ShouldBe(recipients);
        var meeting = new FinalizationMeeting(new DateOnly(2026, 2, 10), ["Camat", "Sekcam"], null);
        var steps = new List<(A Action, ReportActionContext Context, S Expected)>
        {
            (A.Circulate, ReportActionContext.None, S.Circulated),
            (A.Comment, new() { Comment = "Bab I: struktur organisasi belum terbaru" }, S.Circulated),
            (A.Comment, new() { Comment = "Tabel 3.1 kurang satu indikator" }, S.Circulated),
            (A.Revise, ReportActionContext.None, S.Revised),
            (A.Finalize, new() { Meeting = meeting }, S.Finalized),
            (A.SubmitForApproval, ReportActionContext.None, S.SubmittedForApproval),
            (A.Initial, new() { InitialBy = ReportInitialer.Coordinator }, S.CoordinatorInitialled),
            (A.Initial, new() { InitialBy = ReportInitialer.Secretary }, S.Initialled),
            (A.Approve, ReportActionContext.None, S.Approved),
            (A.Sign, ReportActionContext.None, S.Signed),
            (A.NumberCoverLetter, ReportActionContext.None, S.Numbered),
            (A.RecordCopies, new() { Copies = recipients + 1 }, S.CopiesRecorded),
        };
        var sent = new List<string>();
        foreach (var r in required)
        {
            steps.Add((A.Dispatch, new() { Recipient = r, DispatchedTo = sent.ToList(), RequiredRecipients = required },
                sent.Count + 1 == required.Count ? S.Dispatched : S.PartlyDispatched));
            sent.Add(r);
        }

        steps.Add((A.Archive, ReportActionContext.None, S.Archived));

        var status = S.Draft;
        foreach (var (action, context, expected) in steps)
        {
            status = ReportWorkflow.After(status, action, context);
            status.ShouldBe(expected, $"after {ReportWorkflow.ApiName(action)}");
        }

        ReportWorkflow.Allowed(status).ShouldBeEmpty();
    }

    [Fact]
    public void Returning_walks_back_one_stage_at_a_time_to_the_draft()
    {
        var status = S.Approved;
        var path = new List<S>();
        while (ReportWorkflow.IsAllowed(status, A.Return))
        {
            status = ReportWorkflow.After(status, A.Return, new() { Reason = "Perbaiki tabel capaian" });
            path.Add(status);
        }

        path.ShouldBe([S.Initialled, S.CoordinatorInitialled, S.SubmittedForApproval, S.Finalized, S.Revised, S.Circulated, S.Draft]);
    }

    [Theory]
    [InlineData(S.Signed)]
    [InlineData(S.Numbered)]
    [InlineData(S.Dispatched)]
    [InlineData(S.Archived)]
    public void A_signed_report_is_not_returned(S status) => ReportWorkflow.IsAllowed(status, A.Return).ShouldBeFalse();

    public static TheoryData<S, A, ReportActionContext, string> BadInput => new()
    {
        { S.Circulated, A.Return, new() { Reason = " " }, "Alasan pengembalian laporan wajib diisi." },
        { S.Approved, A.Return, ReportActionContext.None, "Alasan pengembalian laporan wajib diisi." },
        { S.Circulated, A.Comment, new() { Comment = "" }, "Isi komentar wajib diisi." },
        { S.Revised, A.Finalize, ReportActionContext.None, "Catat rapat finalisasi: tanggal, peserta, dan keputusannya." },
        { S.Revised, A.Finalize, new() { Meeting = new(new DateOnly(2026, 2, 10), [" "], "Setuju") }, "Catat siapa saja yang hadir dalam rapat finalisasi." },
        { S.SubmittedForApproval, A.Initial, ReportActionContext.None, "Sebutkan paraf siapa yang dicatat: koordinator atau sekretaris." },
        { S.Numbered, A.RecordCopies, ReportActionContext.None, "Jumlah salinan harus lebih dari nol." },
        { S.Numbered, A.RecordCopies, new() { Copies = 0 }, "Jumlah salinan harus lebih dari nol." },
        { S.CopiesRecorded, A.Dispatch, new() { Recipient = " ", RequiredRecipients = [ReportRecipients.Bappeda] }, "Sebutkan penerima laporan." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Missing_input_is_refused_without_an_allowed_list(S status, A action, ReportActionContext context, string message)
    {
        var ex = Should.Throw<WorkflowException>(() => ReportWorkflow.After(status, action, context));
        ex.Message.ShouldBe(message);
        ex.AllowedActions.ShouldBeEmpty();
    }

    public static TheoryData<S, A, ReportActionContext, string> OutOfOrder => new()
    {
        { S.SubmittedForApproval, A.Initial, new() { InitialBy = ReportInitialer.Secretary }, "Sekretaris memaraf setelah koordinator; paraf koordinator belum ada." },
        { S.CoordinatorInitialled, A.Initial, new() { InitialBy = ReportInitialer.Coordinator }, "Koordinator sudah memaraf laporan ini." },
        {
            S.PartlyDispatched, A.Dispatch,
            new() { Recipient = "BAPPEDA", DispatchedTo = [ReportRecipients.Bappeda], RequiredRecipients = ReportRecipients.Required(ReportKind.Quarterly) },
            "Pengiriman kepada Bappeda sudah dicatat."
        },
    };

    [Theory]
    [MemberData(nameof(OutOfOrder))]
    public void Out_of_order_steps_are_a_conflict_with_the_allowed_list(S status, A action, ReportActionContext context, string message)
    {
        var ex = Should.Throw<WorkflowException>(() => ReportWorkflow.After(status, action, context));
        ex.Message.ShouldBe(message);
        ex.AllowedActions.ShouldBe(ReportWorkflow.Allowed(status).Select(ReportWorkflow.ApiName));
    }

    [Fact]
    public void Extra_recipients_do_not_complete_the_dispatch()
    {
        var required = ReportRecipients.Required(ReportKind.Quarterly);
        var ctx = new ReportActionContext { Recipient = "DPRD", DispatchedTo = [ReportRecipients.HeadOfRegion], RequiredRecipients = required };
        ReportWorkflow.After(S.PartlyDispatched, A.Dispatch, ctx).ShouldBe(S.PartlyDispatched);
        ReportWorkflow.Outstanding(required, ["dprd", "HEAD-OF-REGION"]).ShouldBe([ReportRecipients.Bappeda, ReportRecipients.Inspectorate]);
    }

    [Fact]
    public void A_dispatch_without_the_required_list_is_a_programming_error() =>
        Should.Throw<ArgumentException>(() => ReportWorkflow.After(S.CopiesRecorded, A.Dispatch, new() { Recipient = ReportRecipients.Bappeda }));

    [Theory]
    [InlineData(ReportKind.Quarterly, "2026-Q3", null)]
    [InlineData(ReportKind.Quarterly, "2026-S1", "Laporan triwulan disusun untuk satu triwulan, mis. 2026-Q2.")]
    [InlineData(ReportKind.Semester, "2026-S2", null)]
    [InlineData(ReportKind.Semester, "2026", "Laporan semester disusun untuk satu semester, mis. 2026-S1.")]
    [InlineData(ReportKind.Annual, "2025", null)]
    [InlineData(ReportKind.Annual, "2025-M12", "Laporan tahunan (LKjIP) disusun untuk satu tahun, mis. 2025.")]
    public void The_period_fits_the_kind(ReportKind kind, string period, string? problem) =>
        (ReportWorkflow.PeriodProblem(kind, Period.Parse(period))?.ToString()).ShouldBe(problem);

    [Theory]
    [InlineData("2026-S1", new[] { "2026-Q1", "2026-Q2" })]
    [InlineData("2026-S2", new[] { "2026-Q3", "2026-Q4" })]
    [InlineData("2025", new[] { "2025-S1", "2025-S2" })]
    [InlineData("2026-Q2", new string[0])]
    public void A_semester_builds_on_its_quarters_and_the_year_on_its_semesters(string period, string[] sources) =>
        ReportWorkflow.Sources(Period.Parse(period)).Select(p => p.ToString()).ShouldBe(sources);

    [Theory]
    [InlineData("quarterly", ReportKind.Quarterly)]
    [InlineData(" Annual ", ReportKind.Annual)]
    [InlineData("semester", ReportKind.Semester)]
    [InlineData("lakip", null)]
    public void Kinds_by_api_name(string name, ReportKind? kind) => ReportWorkflow.ParseKind(name).ShouldBe(kind);
}
