package io.kiban.console.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.kiban.console.support.Jp;
import io.kiban.console.support.Json;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's chart: the contract from signing to removal as an inline SVG (no script), its
 * milestones, today, and where each environment stands (its phase since the day it entered it).
 */
final class Timeline {

    private static final int WIDTH = 960;
    private static final int LEFT = 150;
    private static final int RIGHT = 30;
    private static final String[][] MILESTONES = {
        {"signingDate", "契約締結"}, {"deliveryDeadline", "納入期限"}, {"productionStart", "本番稼働"},
        {"leaseEnd", "賃貸借終了"}, {"removalDeadline", "撤去期限"}, {"contractEnd", "契約終了"}
    };

    private Timeline() {}

    static LocalDate date(String iso) {
        if (iso == null || iso.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(iso.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The SVG, or null when the contract does not name a start and an end. */
    static String svg(JsonNode contract, List<JsonNode> phases, LocalDate today) {
        LocalDate start = date(Json.text(contract, "signingDate"));
        LocalDate end = null;
        for (String f : new String[] {"removalDeadline", "contractEnd", "leaseEnd"}) {
            LocalDate d = date(Json.text(contract, f));
            if (d != null && (end == null || d.isAfter(end))) {
                end = d;
            }
        }
        if (start == null || end == null || !end.isAfter(start)) {
            return null;
        }
        long span = ChronoUnit.DAYS.between(start, end);
        int rows = Math.max(phases.size(), 1);
        int axisY = 40;
        int height = axisY + 50 + rows * 34 + 10;
        StringBuilder s = new StringBuilder();
        String summary = "契約期間 " + Jp.reiwa(start) + " から " + Jp.reiwa(end) + " までの時系列";
        s.append(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"timeline\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" aria-labelledby=\"tl-title\">")
                .append("<title id=\"tl-title\">")
                .append(esc(summary))
                .append("</title>");
        // axis
        s.append(line(LEFT, axisY, WIDTH - RIGHT, axisY, "#333", 2));
        List<Integer> labelled = new ArrayList<>();
        for (String[] m : MILESTONES) {
            LocalDate d = date(Json.text(contract, m[0]));
            if (d == null) {
                continue;
            }
            int x = x(start, span, d);
            int dy = labelled.stream().anyMatch(p -> Math.abs(p - x) < 90) ? 28 : 14;
            labelled.add(x);
            s.append(line(x, axisY - 6, x, axisY + 6, "#333", 2));
            s.append(text(x, axisY - dy, m[1] + " " + d, "middle", "#222", 11));
        }
        // today
        if (!today.isBefore(start) && !today.isAfter(end)) {
            int x = x(start, span, today);
            s.append(line(x, axisY - 10, x, height - 6, "#b00020", 1.5))
                    .append(text(x + 4, height - 8, "本日 " + today, "start", "#b00020", 11));
        }
        // environments
        int y = axisY + 40;
        for (JsonNode p : phases) {
            String env = Json.text(p, "environment");
            String phase = Json.text(p, "phase");
            LocalDate entered = date(Json.text(p, "enteredAt"));
            s.append(text(10, y + 4, Jp.label(env), "start", "#222", 13));
            s.append(line(LEFT, y, WIDTH - RIGHT, y, "#ccc", 6));
            if (entered != null) {
                LocalDate from =
                        entered.isBefore(start) ? start : entered.isAfter(end) ? end : entered;
                LocalDate to = today.isAfter(end) ? end : today.isBefore(from) ? from : today;
                int x1 = x(start, span, from);
                int x2 = Math.max(x(start, span, to), x1 + 4);
                s.append(line(x1, y, x2, y, color(phase), 10));
                s.append("<circle cx=\"")
                        .append(x1)
                        .append("\" cy=\"")
                        .append(y)
                        .append("\" r=\"6\" fill=\"")
                        .append(color(phase))
                        .append("\"/>");
                s.append(
                        text(
                                Math.min(x1 + 10, WIDTH - RIGHT - 140),
                                y - 9,
                                Jp.label(phase) + "（" + entered + " から）",
                                "start",
                                "#111",
                                12));
            } else {
                s.append(text(LEFT + 4, y - 9, Jp.label(phase), "start", "#111", 12));
            }
            y += 34;
        }
        return s.append("</svg>").toString();
    }

    private static int x(LocalDate start, long span, LocalDate d) {
        long days = Math.max(0, Math.min(span, ChronoUnit.DAYS.between(start, d)));
        return LEFT + (int) ((WIDTH - LEFT - RIGHT) * days / span);
    }

    private static String color(String phase) {
        if (phase == null) {
            return "#888";
        }
        return switch (phase) {
            case "IN_SERVICE" -> "#1b7f3b";
            case "BUILDING", "CONTRACTED" -> "#1f5fa8";
            case "END_OF_USE", "REMOVING" -> "#b35900";
            default -> "#555";
        };
    }

    private static String line(int x1, int y1, int x2, int y2, String stroke, double width) {
        return "<line x1=\""
                + x1
                + "\" y1=\""
                + y1
                + "\" x2=\""
                + x2
                + "\" y2=\""
                + y2
                + "\" stroke=\""
                + stroke
                + "\" stroke-width=\""
                + width
                + "\"/>";
    }

    private static String text(int x, int y, String text, String anchor, String fill, int size) {
        return "<text x=\""
                + x
                + "\" y=\""
                + y
                + "\" text-anchor=\""
                + anchor
                + "\" fill=\""
                + fill
                + "\" font-size=\""
                + size
                + "\">"
                + esc(text)
                + "</text>";
    }

    static String esc(String s) {
        return s == null
                ? ""
                : s.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;")
                        .replace("'", "&#39;");
    }
}
