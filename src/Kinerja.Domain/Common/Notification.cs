using Kinerja.Domain.Organisation;

namespace Kinerja.Domain.Common;

/// <summary>Whether a notification also goes out by e-mail, and where that stands.</summary>
public enum EmailStatus
{
    /// <summary>No e-mail: the person has no address, or mail is not configured.</summary>
    None,
    Pending,
    Sending,
    Sent,
    Failed,
}

/// <summary>
/// A message to one person in the application (the bell), optionally also sent by e-mail through the
/// outbox. The text is kept as its Indonesian template and arguments so it shows in the reader's language.
/// </summary>
public sealed class Notification : IAgencyOwned
{
    private Notification() { Template = ArgsJson = Link = string.Empty; }

    public Notification(Guid id, Guid agencyId, Guid userId, DateTimeOffset at, string template, string argsJson, string link, string? email)
    {
        Id = id;
        AgencyId = agencyId;
        UserId = userId;
        At = at;
        Template = template;
        ArgsJson = argsJson;
        Link = link;
        Email = email;
        EmailStatus = string.IsNullOrWhiteSpace(email) ? EmailStatus.None : EmailStatus.Pending;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Template { get; private set; }

    /// <summary>The arguments of <see cref="Template"/> as a JSON array of strings.</summary>
    public string ArgsJson { get; private set; }

    /// <summary>Where the message leads in the application (a relative address).</summary>
    public string Link { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }
    public string? Email { get; private set; }
    public EmailStatus EmailStatus { get; private set; }
    public int EmailAttempts { get; private set; }
    public string? EmailError { get; private set; }

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;

    public void EmailSent() => EmailStatus = EmailStatus.Sent;

    /// <summary>A failed attempt: tried again later, given up after <paramref name="maxAttempts"/>.</summary>
    public void EmailFailed(string error, int maxAttempts)
    {
        EmailAttempts++;
        EmailError = error.Length > 500 ? error[..500] : error;
        EmailStatus = EmailAttempts >= maxAttempts ? EmailStatus.Failed : EmailStatus.Pending;
    }
}
