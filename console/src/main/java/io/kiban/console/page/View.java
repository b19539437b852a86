package io.kiban.console.page;

import io.kiban.console.support.Reply;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;

/** What the templates render: sections of tables, each cell a text with an optional link. */
public final class View {

    private View() {}

    /**
     * A table cell; {@code css} marks a state (ok, warn, bad) for the eye and for screen readers
     * via text.
     */
    @TemplateData
    public record Cell(String text, String href, String css) {
        public static Cell of(String text) {
            return new Cell(text == null ? "—" : text, null, null);
        }

        public static Cell link(String text, String href) {
            return new Cell(text == null ? "—" : text, href, null);
        }

        public static Cell state(String text, String css) {
            return new Cell(text, null, css);
        }
    }

    @TemplateData
    public record Row(List<Cell> cells) {}

    @TemplateData
    public record Table(String caption, List<String> headers, List<Row> rows, String empty) {
        public boolean isEmpty() {
            return rows.isEmpty();
        }
    }

    /**
     * A part of a page fed by one service; {@code error} (Japanese) replaces its content when the
     * service failed.
     */
    @TemplateData
    public static final class Section {
        public final String id;
        public final String title;
        public final List<String> errors = new ArrayList<>();
        public final List<Table> tables = new ArrayList<>();
        public final List<String> notes = new ArrayList<>();

        /**
         * evidence records that take another file here (保守: a vendor's or jpo-admin's upload form)
         */
        public final List<Upload> uploads = new ArrayList<>();

        public String svg;

        public Section(String id, String title) {
            this.id = id;
            this.title = title;
        }

        /** Records the reply's failure; true when the reply is usable. */
        public boolean accept(Reply reply) {
            if (reply.ok()) {
                return true;
            }
            if (!errors.contains(reply.error())) {
                errors.add(reply.error());
            }
            return false;
        }

        public Section table(Table t) {
            tables.add(t);
            return this;
        }

        public Section note(String note) {
            notes.add(note);
            return this;
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        public String getId() {
            return id;
        }

        public String getTitle() {
            return title;
        }

        public List<String> getErrors() {
            return errors;
        }

        public List<Table> getTables() {
            return tables;
        }

        public List<String> getNotes() {
            return notes;
        }

        public String getSvg() {
            return svg;
        }

        public List<Upload> getUploads() {
            return uploads;
        }
    }

    /**
     * An upload form for one evidence record (R-MT-6 files: PDF, JPEG, PNG): where it returns to
     * and the key that makes a retried post store the file once.
     */
    @TemplateData
    public record Upload(String evidenceId, String label, String returnTo, String idempotencyKey) {
        public static Upload of(String evidenceId, String label, String returnTo) {
            return new Upload(evidenceId, label, returnTo, java.util.UUID.randomUUID().toString());
        }
    }

    /**
     * One thing waiting for jpo-admin: what it is, where it lives, its version as read (sent back
     * as If-Match), and whether the return needs a reason.
     */
    @TemplateData
    public record Approval(
            String kind,
            String kindLabel,
            String id,
            String title,
            List<String> facts,
            List<Cell> files,
            String version,
            String link,
            boolean reasonRequired) {}
}
