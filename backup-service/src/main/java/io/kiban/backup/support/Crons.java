package io.kiban.backup.support;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.quartz.CronExpression;

/** Fire times of a policy's cron, computed the way Quartz computes them. */
public final class Crons {

    private Crons() {}

    public static CronExpression parse(String cron, String zone) {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(zone));
            return expression;
        } catch (ParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Fire times strictly after {@code after} and not after {@code until}, at most {@code limit}.
     */
    public static List<Instant> between(
            String cron, String zone, Instant after, Instant until, int limit) {
        CronExpression expression = parse(cron, zone);
        List<Instant> times = new ArrayList<>();
        Date next = expression.getTimeAfter(Date.from(after));
        while (next != null && !next.toInstant().isAfter(until) && times.size() < limit) {
            times.add(next.toInstant());
            next = expression.getTimeAfter(next);
        }
        return times;
    }

    public static Instant next(String cron, String zone, Instant after) {
        Date next = parse(cron, zone).getTimeAfter(Date.from(after));
        return next == null ? null : next.toInstant();
    }

    /**
     * The typical interval: the longest gap among the next few fire times (a daily cron → one day).
     */
    public static Duration interval(String cron, String zone, Instant from) {
        List<Instant> times = between(cron, zone, from, from.plus(Duration.ofDays(400)), 8);
        Duration longest = Duration.ZERO;
        for (int i = 1; i < times.size(); i++) {
            Duration gap = Duration.between(times.get(i - 1), times.get(i));
            if (gap.compareTo(longest) > 0) {
                longest = gap;
            }
        }
        return longest.isZero() ? Duration.ofDays(1) : longest;
    }

    /**
     * SEC-BK-3: the first gap between consecutive fire times (over the next 2,000 fire times or 400
     * days, whichever comes first) shorter than {@code minimum}, or null when there is none.
     */
    public static Duration shortestGap(String cron, String zone, Instant from, Duration minimum) {
        List<Instant> times = between(cron, zone, from, from.plus(Duration.ofDays(400)), 2_000);
        for (int i = 1; i < times.size(); i++) {
            Duration gap = Duration.between(times.get(i - 1), times.get(i));
            if (gap.compareTo(minimum) < 0) {
                return gap;
            }
        }
        return null;
    }
}
