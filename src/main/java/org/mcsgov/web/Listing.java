package org.mcsgov.web;

import java.util.HashMap;
import java.util.List;
import org.mcsgov.platform.RecordMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows of one register list for one viewer: counted and paged for the screen, whole for the CSV export.
 * The order must be total (end with a unique column) so that pages neither repeat nor skip rows.
 */
public record Listing<T extends Record>(JdbcClient jdbc, String select, String from, Where where, String orderBy,
                                        Class<T> type) {

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM " + from + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    public List<T> page(int offset, int limit) {
        var params = new HashMap<>(where.params());
        params.put("pageLimit", limit);
        params.put("pageOffset", offset);
        return jdbc.sql(sql() + " LIMIT :pageLimit OFFSET :pageOffset").params(params).query(RecordMapper.list(type));
    }

    public List<T> all() {
        return jdbc.sql(sql()).params(where.params()).query(RecordMapper.list(type));
    }

    private String sql() {
        return "SELECT " + select + " FROM " + from + where.sql() + " ORDER BY " + orderBy;
    }
}
