package io.kiban.asset.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A small builder for optional equality filters of Panache queries; parses enum query parameters
 * (400 naming the parameter).
 */
public final class Filters {

    private final StringJoiner where = new StringJoiner(" and ");
    private final Map<String, Object> params = new LinkedHashMap<>();

    public Filters eq(String field, Object value) {
        if (value != null) {
            String name = "p" + params.size();
            where.add(field + " = :" + name);
            params.put(name, value);
        }
        return this;
    }

    public Filters raw(String clause) {
        where.add(clause);
        return this;
    }

    public Filters raw(String clause, String name, Object value) {
        where.add(clause);
        params.put(name, value);
        return this;
    }

    public String query(String orderBy) {
        String w = where.length() == 0 ? "1 = 1" : where.toString();
        return w + " order by " + orderBy;
    }

    public Map<String, Object> params() {
        return params;
    }
}
