package io.kiban.asset.bulk;

import io.kiban.asset.export.StandardSheetService.SheetDef;
import java.util.function.Consumer;

/** A file in the layout of the standard sheet's export, read one row at a time. */
interface BulkSource extends AutoCloseable {

    /** "xlsx" or "csv". */
    String format();

    /** Streams the data rows of sheet {@code def}; false when the file holds no such sheet. */
    boolean read(SheetDef def, Consumer<SheetRow> rows);

    @Override
    void close();
}
