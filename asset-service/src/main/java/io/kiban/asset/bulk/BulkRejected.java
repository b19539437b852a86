package io.kiban.asset.bulk;

import io.kiban.asset.bulk.BulkDtos.CellError;
import java.util.List;

/** A file with bad rows: every bad cell is listed; the transaction was rolled back. */
class BulkRejected extends RuntimeException {

    private final transient List<CellError> errors;
    private final int rows;

    public BulkRejected(List<CellError> errors, int rows) {
        super(errors.size() + " bad cells in " + rows + " rows", null, false, false);
        this.errors = List.copyOf(errors);
        this.rows = rows;
    }

    public List<CellError> errors() {
        return errors;
    }

    public int rows() {
        return rows;
    }
}
