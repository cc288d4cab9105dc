using FluentValidation;
using Kinerja.Domain.Common;

namespace Kinerja.Infrastructure;

public static class Validation
{
    /// <summary>Runs a validator and throws a 400 <see cref="AppProblem"/> listing every failure by field.</summary>
    public static async Task EnsureValidAsync<T>(this IValidator<T> validator, T request, CancellationToken ct = default)
    {
        var result = await validator.ValidateAsync(request, ct);
        if (result.IsValid) return;
        var errors = result.Errors
            .GroupBy(e => JsonName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.CustomState as Text ?? new Text(e.ErrorMessage)).ToArray());
        throw AppProblem.Invalid(errors);
    }

    private static string JsonName(string property) =>
        string.IsNullOrEmpty(property) ? string.Empty : char.ToLowerInvariant(property[0]) + property[1..];

    /// <summary>A required, trimmed name of at most <paramref name="max"/> characters.</summary>
    public static IRuleBuilderOptions<T, string?> RequiredName<T>(this IRuleBuilderInitial<T, string?> rule, string label, int max = 200) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v))
            .WithState(_ => new Text("{0} wajib diisi.", label))
            .Must(v => v!.Trim().Length <= max)
            .WithState(_ => new Text("{0} paling panjang {1} karakter.", label, max))
            .Must(v => !v!.Any(char.IsControl))
            .WithState(_ => new Text("{0} tidak boleh berisi karakter kendali.", label));

    /// <summary>Whether free text holds a control character other than tab, line feed and carriage return.</summary>
    public static bool HasControlCharacter(string text) => text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));

    /// <summary>Optional text of at most <paramref name="max"/> characters.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, string label, int max) =>
        rule.Must(v => v is null || v.Trim().Length <= max)
            .WithState(_ => new Text("{0} paling panjang {1} karakter.", label, max));

    /// <summary>An optional letter number pattern (<c>800/{seq}/427.96/{year}</c>); the message says what is wrong with it.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> LetterPattern<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((v, context) =>
        {
            if (string.IsNullOrWhiteSpace(v) || Kinerja.Domain.Reports.LetterNumberPattern.TryParse(v.Trim(), out _, out var error)) return;
            context.AddFailure(new FluentValidation.Results.ValidationFailure(context.PropertyPath, error!.ToString()) { CustomState = error });
        });
}
