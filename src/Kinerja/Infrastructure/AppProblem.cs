using Kinerja.Domain.Common;

namespace Kinerja.Infrastructure;

/// <summary>
/// A request that cannot be carried out, with a reason a user can act on. Handlers throw it;
/// the API turns it into problem+json, the pages into a message next to the form.
/// </summary>
public sealed class AppProblem(int status, Text title, Text? detail = null) : Exception(title.ToString())
{
    public int Status { get; } = status;
    public Text Title { get; } = title;
    public Text? Detail { get; } = detail;

    /// <summary>Field name (camelCase) -> messages, for 400.</summary>
    public IReadOnlyDictionary<string, Text[]> Errors { get; init; } = new Dictionary<string, Text[]>();

    /// <summary>For 409 on a state machine: the actions that are allowed now.</summary>
    public IReadOnlyList<string>? AllowedActions { get; init; }

    /// <summary>Response headers the answer carries: Retry-After of a 429 or 503, Allow of a 405.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Puts <see cref="Headers"/> on <paramref name="response"/>. The API's exception handler does it after clearing the
    /// response; a page that catches the problem does it itself.
    /// </summary>
    public void AddHeadersTo(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        foreach (var (name, value) in Headers) response.Headers[name] = value;
    }

    public static AppProblem NotFound(string what) =>
        new(StatusCodes.Status404NotFound, new Text("Data tidak ditemukan."), new Text("{0} tidak ditemukan atau Anda tidak berhak melihatnya.", what));

    public static AppProblem Forbidden(Text detail) =>
        new(StatusCodes.Status403Forbidden, new Text("Anda tidak berhak melakukan ini."), detail);

    public static AppProblem Conflict(Text detail) =>
        new(StatusCodes.Status409Conflict, new Text("Permintaan bertentangan dengan data yang ada."), detail);

    /// <summary>409 on a state machine: the action does not fit the present state; <paramref name="allowedActions"/> are those that do.</summary>
    public static AppProblem NotNow(Text detail, IReadOnlyList<string> allowedActions) =>
        new(StatusCodes.Status409Conflict, new Text("Tindakan ini tidak dapat dilakukan sekarang."), detail) { AllowedActions = allowedActions };

    public static AppProblem Invalid(IReadOnlyDictionary<string, Text[]> errors) =>
        new(StatusCodes.Status400BadRequest, new Text("Isian belum benar."),
            new Text("Periksa isian yang ditandai lalu kirim lagi."))
        {
            Errors = errors,
        };

    public static AppProblem Invalid(string field, Text message) =>
        Invalid(new Dictionary<string, Text[]> { [field] = [message] });
}
