package org.mcsgov.platform;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Maps a row onto a record by column name ({@code facility_id} or {@code facilityId} onto {@code facilityId}), with
 * the conversions of Spring's {@code SimplePropertyRowMapper}, which {@code JdbcClient.query(Record.class)} uses.
 * That mapper asks the driver for each camel-case name first and falls back to the underscored one when the driver
 * throws: one exception per component of every row, and H2 writes each with its stack trace into its trace file.
 * Profiled in the review campaign (issue 17), that was about a millisecond a row in every step that reads the
 * register. Here the columns are matched once per result set, from its metadata.
 */
public final class RecordMapper<T extends Record> implements RowMapper<T> {

    private static final ConversionService CONVERSION = DefaultConversionService.getSharedInstance();
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return new Shape(type);
        }
    };

    private final Class<T> type;
    private final Shape shape;
    private ResultSet matched;
    private int[] columns;

    private RecordMapper(Class<T> type) {
        this.type = type;
        this.shape = SHAPES.get(type);
    }

    /** A mapper for one query (it keeps the column positions of the result set it reads). */
    public static <T extends Record> RecordMapper<T> of(Class<T> type) {
        return new RecordMapper<>(type);
    }

    /**
     * All rows of a query, its columns matched before the first row: a query whose columns do not fit the record fails
     * even when it finds nothing (a register list that is empty in a test still proves its SQL).
     */
    public static <T extends Record> ResultSetExtractor<List<T>> list(Class<T> type) {
        return rs -> {
            RecordMapper<T> mapper = of(type);
            mapper.match(rs);
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.mapRow(rs, rows.size()));
            }
            return rows;
        };
    }

    @Override
    public T mapRow(ResultSet rs, int rowNumber) throws SQLException {
        if (rs != matched) {
            match(rs);
        }
        Object[] args = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            TypeDescriptor target = shape.types[i];
            Object value = JdbcUtils.getResultSetValue(rs, columns[i], target.getType());
            args[i] = CONVERSION.convert(value, TypeDescriptor.forObject(value), target);
        }
        return type.cast(BeanUtils.instantiateClass(shape.constructor, args));
    }

    private void match(ResultSet rs) throws SQLException {
        columns = shape.columns(rs.getMetaData());
        matched = rs;
    }

    /** A record's canonical constructor and its components, resolved once per record type. */
    private static final class Shape {

        private final Constructor<?> constructor;
        private final String[] names;
        private final TypeDescriptor[] types;

        Shape(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            if (components == null) {
                throw new IllegalArgumentException(type + " is not a record");
            }
            try {
                constructor = type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(type + " has no canonical constructor", e);
            }
            names = Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new);
            types = new TypeDescriptor[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
            }
        }

        /** The result set's column of each component; the first column of that name, as findColumn answers. */
        int[] columns(ResultSetMetaData metadata) throws SQLException {
            Map<String, Integer> byName = new HashMap<>();
            for (int column = metadata.getColumnCount(); column >= 1; column--) {
                byName.put(key(JdbcUtils.lookupColumnName(metadata, column)), column);
            }
            int[] columns = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                Integer column = byName.get(key(names[i]));
                if (column == null) {
                    throw new SQLException("no column for " + constructor.getDeclaringClass().getSimpleName() + "."
                            + names[i] + " among " + byName.keySet());
                }
                columns[i] = column;
            }
            return columns;
        }

        private static String key(String name) {
            return name.replace("_", "").toLowerCase(Locale.ROOT);
        }
    }
}
