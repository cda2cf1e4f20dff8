namespace Training.Service.Domain.Common;

public static class Dates
{
    /// <summary>Whole years from <paramref name="from"/> to <paramref name="to"/> (an age, years of service).</summary>
    public static int FullYearsBetween(DateOnly from, DateOnly to)
    {
        // Each of Year, Month and Day works the date out from its day number again: once each, not three times.
        var (fromYear, fromMonth, fromDay) = from;
        var (toYear, toMonth, toDay) = to;
        var years = toYear - fromYear;
        if (toMonth < fromMonth || (toMonth == fromMonth && toDay < fromDay)) years--;
        return years;
    }

    /// <summary>Whole months from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static int FullMonthsBetween(DateOnly from, DateOnly to)
    {
        var (fromYear, fromMonth, fromDay) = from;
        var (toYear, toMonth, toDay) = to;
        var months = (toYear - fromYear) * 12 + toMonth - fromMonth;
        if (toDay < fromDay) months--;
        return months;
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static bool Overlap(DateOnly aStart, DateOnly aEnd, DateOnly bStart, DateOnly bEnd) =>
        aStart <= bEnd && bStart <= aEnd;

    public static string Show(DateOnly day) => day.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}

public static class ClockExtensions
{
    /// <summary>
    /// Now, in UTC, cut to whole milliseconds: LiteDB keeps milliseconds, so a resource returned on creation
    /// reads back identical later.
    /// </summary>
    public static DateTime UtcNow(this TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
