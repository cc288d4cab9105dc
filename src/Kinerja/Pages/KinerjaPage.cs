using Kinerja.Domain.Common;
using Kinerja.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kinerja.Pages;

/// <summary>
/// Base for pages: runs a use case and turns its problems into what a person sees — messages next to
/// the form for bad input (the form keeps what was typed), the access-denied page for 403, 404 otherwise.
/// </summary>
public abstract class KinerjaPage : PageModel
{
    protected Messages M => HttpContext.RequestServices.GetRequiredService<Messages>();

    /// <summary>Runs <paramref name="action"/>; on bad input adds the messages under <paramref name="prefix"/> and shows the page again.</summary>
    protected async Task<IActionResult> RunAsync(Func<Task<IActionResult>> action, string prefix = "Input")
    {
        try
        {
            return await action();
        }
        catch (AppProblem p) when (p.Status is StatusCodes.Status400BadRequest or StatusCodes.Status409Conflict
                                       or StatusCodes.Status412PreconditionFailed or StatusCodes.Status428PreconditionRequired)
        {
            AddErrors(p, prefix);
            await OnReloadAsync();
            return Page();
        }
        catch (AppProblem p) when (p.Status == StatusCodes.Status403Forbidden)
        {
            return Forbid();
        }
        catch (AppProblem p) when (p.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
    }

    /// <summary>
    /// Before the handler of a post runs: a value that did not bind (a number, date or id that does not read as one) or text with
    /// NUL refuses the post on its field, as validation would (see <see cref="FormInput"/>). Otherwise the handler would get the
    /// value as empty and act on that — a deadline that does not exist saved as no deadline, a parent that is not an id as the
    /// top level — or pass text to PostgreSQL that it cannot store. An id of the address that does not read as one: 404.
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problems = HttpMethods.IsPost(Request.Method) ? FormInput.Problems(context) : [];
        if (problems is not { Count: 0 })
        {
            if (problems is null)
            {
                context.Result = NotFound();
                return;
            }

            foreach (var (key, message) in problems)
            {
                if (ModelState.TryGetValue(key, out var entry)) entry.Errors.Clear();
                ModelState.AddModelError(key, M[message]);
            }

            context.Result = await OnRefusedInputAsync(context);
            return;
        }

        await base.OnPageHandlerExecutionAsync(context, next);
    }

    /// <summary>What a post refused by <see cref="OnPageHandlerExecutionAsync"/> answers: the page again with the messages in <see cref="PageModel.ModelState"/>.</summary>
    protected virtual Task<IActionResult> OnRefusedInputAsync(PageHandlerExecutingContext context) => RunAsync(async () =>
    {
        await OnReloadAsync();
        return Page();
    });

    /// <summary>The message for a number field that does not read as one (Indonesian or plain form).</summary>
    protected static Text NotANumber(string? typed) => new("\"{0}\" bukan angka. Tulis misalnya 82,5.", typed);

    /// <summary>A typed number (Indonesian or plain form); null when empty; when it is not a number, null and the message under <paramref name="field"/>.</summary>
    protected static decimal? ParseNumber(string? typed, string field, Dictionary<string, Text[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(typed)) return null;
        if (IndonesianFormat.TryParseNumber(typed, out var v)) return v;
        errors[field] = [NotANumber(typed)];
        return null;
    }

    /// <summary>Reloads what the page shows besides the form, after a failed post.</summary>
    protected virtual Task OnReloadAsync() => Task.CompletedTask;

    protected void AddErrors(AppProblem p, string prefix)
    {
        if (p.Errors.Count == 0)
        {
            ModelState.AddModelError(string.Empty, p.Detail is null ? M[p.Title] : M[p.Detail]);
            return;
        }

        foreach (var (field, messages) in p.Errors)
        {
            var key = string.IsNullOrEmpty(field) ? prefix : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";
            foreach (var m in messages) ModelState.AddModelError(key, M[m]);
        }
    }
}
