package io.kiban.asset.baseline;

import io.kiban.asset.hardware.BaselineLines;
import io.kiban.asset.support.Environment;
import jakarta.enterprise.context.ApplicationScoped;

/** R-AS-1: the baseline's answer to hardware's "is there such a line?". */
@ApplicationScoped
class BaselineLineLookup implements BaselineLines {

    private final BaselineRepository baseline;

    BaselineLineLookup(BaselineRepository baseline) {
        this.baseline = baseline;
    }

    @Override
    public boolean has(String itemCode, Environment environment) {
        return baseline.lineFor(itemCode, environment).isPresent();
    }
}
