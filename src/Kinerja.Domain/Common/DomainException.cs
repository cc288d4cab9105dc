namespace Kinerja.Domain.Common;

/// <summary>
/// A rule of the domain was broken. <see cref="Code"/> is stable (for clients and translations);
/// <c>Message</c> is Indonesian text a user can act on.
/// </summary>
public sealed class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
