using Kinerja.Domain.Common;

namespace Kinerja.Domain.Rounds;

/// <summary>Where a unit's worksheet stands in a collection round (SOP steps 2-4).</summary>
public enum WorksheetStatus
{
    /// <summary>Distributed, nothing filled yet.</summary>
    NotStarted,

    /// <summary>The unit is filling it.</summary>
    Draft,

    /// <summary>Sent to the coordinator, frozen as a version; lines are being checked.</summary>
    Submitted,

    /// <summary>The coordinator sent one or more lines back for confirmation (konfirmasi).</summary>
    Returned,

    /// <summary>Every line accepted: valid performance data, locked.</summary>
    Verified,
}

/// <summary>What a person can do to a worksheet.</summary>
public enum WorksheetAction
{
    /// <summary>Change a realization, explanation or evidence.</summary>
    Edit,
    Submit,

    /// <summary>The coordinator accepts a line (the last accepted line verifies the worksheet).</summary>
    Accept,

    /// <summary>The coordinator returns a line for confirmation, with a reason.</summary>
    Return,

    /// <summary>Unlock a verified worksheet, with a reason (audited).</summary>
    Reopen,
}

/// <summary>The review state of one line of a submitted worksheet.</summary>
public enum LineReview
{
    Pending,
    Accepted,
    Returned,
}

/// <summary>
/// The worksheet state machine: which actions each status allows and where they lead. Every refused
/// action fails the same way, naming the actions that are allowed (the API answers 409 with them).
/// </summary>
public static class WorksheetWorkflow
{
    public static IReadOnlyList<WorksheetAction> Allowed(WorksheetStatus status) => status switch
    {
        WorksheetStatus.NotStarted => [WorksheetAction.Edit, WorksheetAction.Submit],
        WorksheetStatus.Draft => [WorksheetAction.Edit, WorksheetAction.Submit],
        WorksheetStatus.Submitted => [WorksheetAction.Accept, WorksheetAction.Return],
        WorksheetStatus.Returned => [WorksheetAction.Edit, WorksheetAction.Submit],
        WorksheetStatus.Verified => [WorksheetAction.Reopen],
    };

    public static bool IsAllowed(WorksheetStatus status, WorksheetAction action) => Allowed(status).Contains(action);

    /// <summary>Throws a <see cref="WorkflowException"/> naming the allowed actions when <paramref name="action"/> is not one of them.</summary>
    public static void Ensure(WorksheetStatus status, WorksheetAction action)
    {
        if (!IsAllowed(status, action))
        {
            throw new WorkflowException(
                new Text("Kertas kerja berstatus {0} tidak dapat di-{1}.", Label(status), Label(action)),
                Allowed(status).Select(ApiName).ToArray());
        }
    }

    /// <summary>The status after editing: a first edit starts the draft; a returned worksheet stays returned until resubmitted.</summary>
    public static WorksheetStatus AfterEdit(WorksheetStatus status)
    {
        Ensure(status, WorksheetAction.Edit);
        return status == WorksheetStatus.NotStarted ? WorksheetStatus.Draft : status;
    }

    /// <summary>
    /// Submitting needs every line to have a realization, and an explanation where the value asks for one.
    /// Returns the problems (line number, message); an empty list means it may be submitted.
    /// </summary>
    public static IReadOnlyList<(int Line, Text Problem)> SubmitProblems(WorksheetStatus status, IReadOnlyList<LineForSubmit> lines)
    {
        Ensure(status, WorksheetAction.Submit);
        var problems = new List<(int, Text)>();
        if (lines.Count == 0) problems.Add((0, new Text("Kertas kerja tidak berisi indikator.")));
        for (var n = 0; n < lines.Count; n++)
        {
            var l = lines[n];
            if (l.Realization is null) problems.Add((n + 1, new Text("Realisasi {0} belum diisi.", l.IndicatorCode)));
            else if (l.NeedsExplanation && string.IsNullOrWhiteSpace(l.Explanation))
                problems.Add((n + 1, new Text("Realisasi {0} jauh dari target atau dari periode sebelumnya: isi penjelasan (faktor pendukung/penghambat).", l.IndicatorCode)));
        }

        return problems;
    }

    /// <summary>
    /// The worksheet's status once a line has been reviewed: verified when every line is accepted,
    /// returned when every line is reviewed and at least one was returned, still submitted otherwise.
    /// The person who submitted cannot review their own values.
    /// </summary>
    public static WorksheetStatus AfterReview(WorksheetStatus status, WorksheetAction decision, string reviewer, string submittedBy,
        string? reason, IReadOnlyList<LineReview> linesAfter)
    {
        if (decision is not (WorksheetAction.Accept or WorksheetAction.Return))
            throw new ArgumentOutOfRangeException(nameof(decision), decision, "A review is accept or return.");
        Ensure(status, decision);
        if (string.Equals(reviewer, submittedBy, StringComparison.OrdinalIgnoreCase))
            throw new WorkflowException(new Text("Yang mengirim nilai tidak boleh memverifikasinya sendiri."), []);
        if (decision == WorksheetAction.Return && string.IsNullOrWhiteSpace(reason))
            throw new WorkflowException(new Text("Alasan pengembalian wajib diisi, agar unit tahu apa yang harus dikonfirmasi."), []);
        if (linesAfter.All(l => l == LineReview.Accepted)) return WorksheetStatus.Verified;
        if (linesAfter.All(l => l != LineReview.Pending)) return WorksheetStatus.Returned;
        return WorksheetStatus.Submitted;
    }

    /// <summary>Reopening a verified worksheet needs a reason; it goes back to draft.</summary>
    public static WorksheetStatus Reopen(WorksheetStatus status, string? reason)
    {
        Ensure(status, WorksheetAction.Reopen);
        if (string.IsNullOrWhiteSpace(reason))
            throw new WorkflowException(new Text("Alasan membuka kembali kertas kerja wajib diisi."), []);
        return WorksheetStatus.Draft;
    }

    /// <summary>
    /// Late: the deadline (a working-day date from the SOP's standard time) has passed and the worksheet
    /// is still not submitted. Shown beside the status, not a status of its own.
    /// </summary>
    public static bool IsLate(WorksheetStatus status, DateTimeOffset? deadline, DateTimeOffset now) =>
        deadline is { } d && now > d && status is WorksheetStatus.NotStarted or WorksheetStatus.Draft or WorksheetStatus.Returned;

    public static string ApiName(WorksheetAction a) => a switch
    {
        WorksheetAction.Edit => "edit",
        WorksheetAction.Submit => "submit",
        WorksheetAction.Accept => "accept",
        WorksheetAction.Return => "return",
        WorksheetAction.Reopen => "reopen",
    };

    public static string Label(WorksheetStatus s) => s switch
    {
        WorksheetStatus.NotStarted => "belum diisi",
        WorksheetStatus.Draft => "draf",
        WorksheetStatus.Submitted => "terkirim",
        WorksheetStatus.Returned => "dikembalikan",
        WorksheetStatus.Verified => "terverifikasi",
    };

    public static string Label(WorksheetAction a) => a switch
    {
        WorksheetAction.Edit => "ubah",
        WorksheetAction.Submit => "kirim",
        WorksheetAction.Accept => "terima",
        WorksheetAction.Return => "kembalikan",
        WorksheetAction.Reopen => "buka kembali",
    };
}

/// <summary>What submitting checks on one line.</summary>
public sealed record LineForSubmit(string IndicatorCode, decimal? Realization, string? Explanation, bool NeedsExplanation);

/// <summary>
/// A refused workflow action, with the actions that are allowed now. <see cref="IsStateConflict"/> when the refusal is about the
/// state (the API answers 409), not the input (400); by default a refusal listing allowed actions is one, and a state machine
/// whose final state allows nothing says so explicitly.
/// </summary>
public sealed class WorkflowException(Text message, IReadOnlyList<string> allowedActions, bool? stateConflict = null) : Exception(message.ToString())
{
    public Text Text { get; } = message;
    public IReadOnlyList<string> AllowedActions { get; } = allowedActions;
    public bool IsStateConflict { get; } = stateConflict ?? allowedActions.Count > 0;
}
