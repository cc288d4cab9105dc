namespace Kinerja.Domain.Common;

/// <summary>The unit of a deadline: minutes and hours of office time, or whole working days.</summary>
public enum TimeUnit
{
    Minutes,
    Hours,
    Days,
}

/// <summary>
/// Working time of an Indonesian government office: Monday to Friday, except national holidays and joint leave
/// days (<i>cuti bersama</i>, treated the same: the office is closed), from opening to closing time.
/// </summary>
/// <remarks>
/// <para>
/// Default hours are 07:30-16:00 local time. Perpres 21/2023 (hari kerja dan jam kerja instansi pemerintah) sets five
/// working days, 37 h 30 min a week without breaks and a start at 07:30 local time; the usual five-day schedule that
/// follows from it is 07:30-16:00 Monday to Thursday (60 min break) and 07:30-16:30 on Friday (90 min break). One
/// opening and closing time for every day keeps the arithmetic predictable; breaks are not subtracted (a step waiting
/// over lunch is still waiting). Agencies with other hours, or Ramadan hours (08:00 start), pass their own.
/// </para>
/// <para>
/// Everything is in the office's local time: the caller converts from UTC (WIB, WITA or WIT) before and after.
/// Nothing here reads a clock.
/// </para>
/// </remarks>
public sealed class WorkingCalendar
{
    public static readonly TimeOnly DefaultOpens = new(7, 30);
    public static readonly TimeOnly DefaultCloses = new(16, 0);

    private readonly HashSet<DateOnly> _closed;

    /// <param name="holidays">National holidays and cuti bersama (e.g. <see cref="IndonesianHolidays.Dates"/>); weekend dates in it are harmless.</param>
    /// <param name="opens">Opening time; default 07:30.</param>
    /// <param name="closes">Closing time, after <paramref name="opens"/>; default 16:00.</param>
    public WorkingCalendar(IEnumerable<DateOnly>? holidays = null, TimeOnly? opens = null, TimeOnly? closes = null)
    {
        _closed = [.. holidays ?? []];
        Opens = opens ?? DefaultOpens;
        Closes = closes ?? DefaultCloses;
        if (Closes <= Opens) throw new ArgumentException($"Closing time {Closes} must be after opening time {Opens}.", nameof(closes));
    }

    public TimeOnly Opens { get; }

    public TimeOnly Closes { get; }

    /// <summary>Office minutes in one working day (510 with the defaults).</summary>
    public int MinutesPerDay => (int)(Closes - Opens).TotalMinutes;

    /// <summary>Monday to Friday and not a holiday or cuti bersama.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_closed.Contains(date);

    /// <summary>
    /// The <paramref name="days"/>-th working day after <paramref name="start"/>: 1 is the next working day after it
    /// (the start day itself never counts); 0 is <paramref name="start"/> when it is a working day, else the next one.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var d = start;
        if (days == 0)
        {
            while (!IsWorkingDay(d)) d = d.AddDays(1);
            return d;
        }

        while (days > 0)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d)) days--;
        }

        return d;
    }

    /// <summary>
    /// When something started at <paramref name="start"/> with <paramref name="amount"/> of time is due.
    /// Minutes and hours count only office time: a start outside office hours (evening, weekend, holiday, before
    /// opening) counts from the next opening, and a deadline that uses up a day exactly ends at that day's closing.
    /// Days are working days after the start day (<see cref="AddWorkingDays"/>), due at the closing of the last one;
    /// 0 days is the closing of the start day (or of the next working day).
    /// </summary>
    public DateTime Deadline(DateTime start, int amount, TimeUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (unit == TimeUnit.Days)
        {
            return AddWorkingDays(DateOnly.FromDateTime(start), amount).ToDateTime(Closes, start.Kind);
        }

        var remaining = unit switch
        {
            TimeUnit.Minutes => TimeSpan.FromMinutes(amount),
            TimeUnit.Hours => TimeSpan.FromHours(amount),
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
        };
        var at = NextOfficeMoment(start);
        while (true)
        {
            var left = DateOnly.FromDateTime(at).ToDateTime(Closes, start.Kind) - at;
            if (remaining <= left) return at + remaining;
            remaining -= left;
            at = AddWorkingDays(DateOnly.FromDateTime(at), 1).ToDateTime(Opens, start.Kind);
        }
    }

    /// <summary>
    /// Office minutes from <paramref name="from"/> to <paramref name="to"/> (whole minutes, rounded down); 0 when
    /// <paramref name="to"/> is not after <paramref name="from"/>. A step received Friday 15:00 and done Monday 08:30
    /// took 120 minutes.
    /// </summary>
    public int WorkingMinutesBetween(DateTime from, DateTime to)
    {
        if (to <= from) return 0;
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(from); day <= DateOnly.FromDateTime(to); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day)) continue;
            var open = day.ToDateTime(Opens, from.Kind);
            var close = day.ToDateTime(Closes, from.Kind);
            var a = from > open ? from : open;
            var b = to < close ? to : close;
            if (b > a) total += b - a;
        }

        return (int)Math.Floor(total.TotalMinutes);
    }

    /// <summary>
    /// Working days after <paramref name="from"/> up to and including <paramref name="to"/>, the inverse of
    /// <see cref="AddWorkingDays"/>: received Monday, done Wednesday = 2; done the same day = 0; 0 when
    /// <paramref name="to"/> is not after <paramref name="from"/>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day)) count++;
        }

        return count;
    }

    /// <summary><paramref name="t"/> itself when the office is open then, else the next opening.</summary>
    private DateTime NextOfficeMoment(DateTime t)
    {
        var day = DateOnly.FromDateTime(t);
        var time = TimeOnly.FromDateTime(t);
        if (IsWorkingDay(day) && time < Closes) return time < Opens ? day.ToDateTime(Opens, t.Kind) : t;
        return AddWorkingDays(day, 1).ToDateTime(Opens, t.Kind);
    }
}
