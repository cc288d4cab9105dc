using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Domain.Plan;

namespace Kinerja.Domain.Sop;

/// <summary>The flowchart symbol of a step (PermenPAN-RB 35/2012): capsule, rectangle, diamond.</summary>
public enum SopStepKind
{
    Start,
    Process,
    Decision,
    End,
}

/// <summary>
/// The system action a step is bound to: the step starts and ends when that action happens in a round or its report.
/// <see cref="None"/> for steps done outside the system (a meeting, printing copies), completed by hand in the page.
/// Listed in the order a workable procedure meets them (<see cref="SopTemplateRules.Stage"/>).
/// </summary>
public enum SopAction
{
    None,
    OpenRound,
    Distribute,
    FillAndSubmit,
    VerifyOrReturn,
    Recap,
    DraftReport,
    Circulate,
    Revise,
    FinalizationMeeting,
    SubmitForApproval,
    Initial,
    Approve,
    Sign,
    NumberCoverLetter,
    Copies,
    Dispatch,
    Archive,
}

/// <summary>
/// One swimlane of the procedure table: the actor as the SOP writes it (<c>Kasi/Kasubbag</c>, <c>Sekcam</c>) and the role
/// whose position holders act for it in the agency.
/// </summary>
/// <param name="Key">A short stable key used by steps, e.g. <c>camat</c>.</param>
/// <param name="Title">The column heading as written.</param>
public sealed record SopActor(string Key, string Title, Role Role);

/// <summary>The standard time (mutu baku waktu) of a step: an amount in minutes, working hours or working days.</summary>
public sealed record SopTime(decimal Amount, TimeUnit Unit);

/// <summary>One row of the procedure table.</summary>
/// <param name="Number">The row number as written (a seed may repeat a row; see <see cref="SopTemplate.Facts"/>).</param>
/// <param name="Activity">Kegiatan/Aktivitas, as written.</param>
/// <param name="Actors">Keys of the actors the flowchart puts this step in (one or more swimlanes).</param>
/// <param name="Inputs">Kelengkapan/Persyaratan.</param>
/// <param name="Time">Waktu; null where the SOP gives none.</param>
/// <param name="Output">Output, as written.</param>
/// <param name="Note">Keterangan.</param>
/// <param name="PeriodKinds">The period kinds the step applies to (e.g. a semester recap step); empty for all.</param>
/// <param name="YesGoesTo">For a decision: the step number followed when the answer is yes (the next step when null).</param>
/// <param name="NoGoesTo">For a decision: the step number followed when the answer is no (a loop back, as in seed 004's confirmation).</param>
public sealed record SopStep(
    int Number, string Activity, IReadOnlyList<string> Actors, SopStepKind Kind, SopAction Action,
    string? Inputs, SopTime? Time, string? Output, string? Note,
    IReadOnlyList<PeriodKind> PeriodKinds, int? YesGoesTo = null, int? NoGoesTo = null);

/// <summary>
/// The identity block of an SOP AP document (PermenPAN-RB 35/2012), each field as written: dates stay text because
/// seeds write them in words and some are empty.
/// </summary>
public sealed record SopIdentity(
    string? Number, string? MadeOn, string? RevisedOn, string? EffectiveOn,
    string? ApprovedByName, string? ApprovedByPosition, string? ApprovedByRank, string? ApprovedByNip,
    string Name,
    IReadOnlyList<string> LegalBasis, IReadOnlyList<string> Qualifications, IReadOnlyList<string> Related,
    IReadOnlyList<string> Equipment, IReadOnlyList<string> Warnings, IReadOnlyList<string> Recording);

/// <summary>
/// A runnable SOP: its identity block, actors (swimlanes) and steps, the agency it was written by, and facts about the
/// source kept visible rather than silently fixed (a repeated step, an OCR slip in a header).
/// </summary>
/// <param name="Id">Stable id: <c>seed-000-pasrujambe</c> for the built-in ones, a slug for imported ones.</param>
/// <param name="Agency">The agency that wrote it, as written (<c>Kecamatan Pasrujambe</c>).</param>
/// <param name="Government">Its government (<c>Kabupaten Lumajang</c>); null when the source does not say.</param>
/// <param name="Source">Where it comes from (a seed file name, or "impor").</param>
public sealed record SopTemplate(
    string Id, string Agency, string? Government, string Source, SopIdentity Identity,
    IReadOnlyList<SopActor> Actors, IReadOnlyList<SopStep> Steps, IReadOnlyList<string> Facts);

/// <summary>What is wrong with a template, each problem said so that the author can fix it.</summary>
public static class SopTemplateRules
{
    public const int MaxSteps = 60;

    /// <summary>The order of system actions in a workable procedure; steps bound to actions must not go backwards.</summary>
    public static int Stage(SopAction action) => (int)action;

    /// <summary>The problems of <paramref name="t"/>, in the order a reader meets them; empty when it can run.</summary>
    /// <param name="agencyRoles">The roles held in the agency that will run it; null skips the check (a template on its own).</param>
    public static IReadOnlyList<Text> Problems(SopTemplate t, IReadOnlySet<Role>? agencyRoles = null)
    {
        ArgumentNullException.ThrowIfNull(t);
        var problems = new List<Text>();
        if (string.IsNullOrWhiteSpace(t.Id)) problems.Add(new Text("Template SOP perlu id."));
        if (string.IsNullOrWhiteSpace(t.Identity.Name)) problems.Add(new Text("Nama SOP wajib diisi."));
        if (t.Actors.Count == 0) problems.Add(new Text("SOP perlu paling sedikit satu pelaksana."));
        foreach (var dup in t.Actors.GroupBy(a => a.Key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add(new Text("Pelaksana \"{0}\" tercantum lebih dari sekali.", dup.Key));
        }

        if (agencyRoles is not null)
        {
            foreach (var a in t.Actors.Where(a => !agencyRoles.Contains(a.Role)))
            {
                problems.Add(new Text("Pelaksana \"{0}\" tidak ada di instansi ini: belum ada jabatan dengan peran {1}.", a.Title, RoleRules.ToApiName(a.Role)));
            }
        }

        if (t.Steps.Count == 0)
        {
            problems.Add(new Text("SOP perlu paling sedikit satu langkah."));
            return problems;
        }

        if (t.Steps.Count > MaxSteps) problems.Add(new Text("SOP paling banyak {0} langkah.", MaxSteps));
        var numbers = t.Steps.Select(s => s.Number).ToList();
        if (!numbers.SequenceEqual(Enumerable.Range(1, numbers.Count)))
        {
            problems.Add(new Text("Nomor langkah harus 1, 2, 3, ... berurutan tanpa ganda."));
        }

        if (t.Steps[0].Kind != SopStepKind.Start) problems.Add(new Text("Langkah pertama harus langkah mulai (simbol kapsul)."));
        if (t.Steps[^1].Kind != SopStepKind.End) problems.Add(new Text("Langkah terakhir harus langkah selesai (simbol kapsul)."));
        var known = t.Actors.Select(a => a.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var s in t.Steps)
        {
            if (string.IsNullOrWhiteSpace(s.Activity)) problems.Add(new Text("Langkah {0}: kegiatan wajib diisi.", s.Number));
            if (s.Actors.Count == 0) problems.Add(new Text("Langkah {0}: sebutkan pelaksananya.", s.Number));
            foreach (var a in s.Actors.Where(a => !known.Contains(a)))
            {
                problems.Add(new Text("Langkah {0}: pelaksana \"{1}\" tidak ada dalam daftar pelaksana SOP.", s.Number, a));
            }

            if (s.Time is { } time && time.Amount <= 0) problems.Add(new Text("Langkah {0}: waktu baku harus lebih dari nol.", s.Number));
            if (s.Kind == SopStepKind.Decision)
            {
                if (s.NoGoesTo is not { } no) problems.Add(new Text("Langkah {0}: keputusan perlu tujuan untuk jawaban \"tidak\".", s.Number));
                else if (!numbers.Contains(no)) problems.Add(new Text("Langkah {0}: jawaban \"tidak\" menuju langkah {1} yang tidak ada.", s.Number, no));
                if (s.YesGoesTo is { } yes && !numbers.Contains(yes)) problems.Add(new Text("Langkah {0}: jawaban \"ya\" menuju langkah {1} yang tidak ada.", s.Number, yes));
                if (s.YesGoesTo is null && s == t.Steps[^1]) problems.Add(new Text("Langkah {0}: keputusan perlu tujuan untuk jawaban \"ya\".", s.Number));
            }
            else if (s.YesGoesTo is not null || s.NoGoesTo is not null)
            {
                problems.Add(new Text("Langkah {0}: hanya langkah keputusan (belah ketupat) yang bercabang.", s.Number));
            }
        }

        // Bound actions in a workable order: a round is opened before worksheets are distributed, filled, checked,
        // recapped; a report is drafted before it circulates, and so on. A decision may loop back; plain steps may not.
        var bound = t.Steps.Where(s => s.Action != SopAction.None).ToList();
        for (var i = 1; i < bound.Count; i++)
        {
            // A revised draft may circulate again (the report workflow goes Revised -> Circulated).
            var recirculates = bound[i].Action == SopAction.Circulate && bound[i - 1].Action == SopAction.Revise;
            if (Stage(bound[i].Action) < Stage(bound[i - 1].Action) && !recirculates)
            {
                problems.Add(new Text("Langkah {0} ({1}) tidak dapat dilakukan setelah langkah {2} ({3}): urutkan ulang atau lepaskan tindakan sistemnya.",
                    bound[i].Number, ActionLabel(bound[i].Action), bound[i - 1].Number, ActionLabel(bound[i - 1].Action)));
            }
        }

        foreach (var dup in bound.Where(s => s.Action is not (SopAction.Initial or SopAction.Dispatch or SopAction.Circulate or SopAction.Revise))
                     .GroupBy(s => s.Action).Where(g => g.Count() > 1))
        {
            problems.Add(new Text("Tindakan sistem \"{0}\" terikat ke lebih dari satu langkah ({1}).", ActionLabel(dup.Key),
                string.Join(", ", dup.Select(s => s.Number))));
        }

        return problems;
    }

    public static string ActionApiName(SopAction a) => a switch
    {
        SopAction.None => "none",
        SopAction.OpenRound => "open-round",
        SopAction.Distribute => "distribute",
        SopAction.FillAndSubmit => "fill-and-submit",
        SopAction.VerifyOrReturn => "verify-or-return",
        SopAction.Recap => "recap",
        SopAction.DraftReport => "draft-report",
        SopAction.Circulate => "circulate",
        SopAction.Revise => "revise",
        SopAction.FinalizationMeeting => "finalization-meeting",
        SopAction.SubmitForApproval => "submit-for-approval",
        SopAction.Initial => "initial",
        SopAction.Approve => "approve",
        SopAction.Sign => "sign",
        SopAction.NumberCoverLetter => "number-cover-letter",
        SopAction.Copies => "copies",
        SopAction.Dispatch => "dispatch",
        SopAction.Archive => "archive",
    };

    public static SopAction? ParseAction(string? apiName) =>
        Enum.GetValues<SopAction>().Cast<SopAction?>().FirstOrDefault(a => ActionApiName(a!.Value) == apiName?.Trim().ToLowerInvariant());

    public static string ActionLabel(SopAction a) => a switch
    {
        SopAction.None => "tanpa tindakan sistem",
        SopAction.OpenRound => "membuka putaran",
        SopAction.Distribute => "mendistribusikan kertas kerja",
        SopAction.FillAndSubmit => "mengisi dan mengirim kertas kerja",
        SopAction.VerifyOrReturn => "memeriksa atau mengembalikan",
        SopAction.Recap => "rekapitulasi",
        SopAction.DraftReport => "menyusun draf laporan",
        SopAction.Circulate => "mengedarkan draf",
        SopAction.Revise => "memperbaiki draf",
        SopAction.FinalizationMeeting => "rapat finalisasi",
        SopAction.SubmitForApproval => "mengajukan persetujuan",
        SopAction.Initial => "paraf",
        SopAction.Approve => "persetujuan",
        SopAction.Sign => "penandatanganan",
        SopAction.NumberCoverLetter => "penomoran surat pengantar",
        SopAction.Copies => "penggandaan",
        SopAction.Dispatch => "pengiriman",
        SopAction.Archive => "pengarsipan",
    };
}
