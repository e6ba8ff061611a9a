package org.vigie.platform;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

/**
 * The one way Vigie reads the result of a native query: create it with {@code Tuple.class} (or run it as an
 * {@link SqlStatement}), give every column an alias, and map each {@link Row} to a record by column name,
 * never by position.
 */
public final class Rows {

    private Rows() {
    }

    /** Every row, mapped. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> list(Query query, Function<Row, T> mapper) {
        return ((List<Tuple>) query.getResultList()).stream().map(tuple -> mapper.apply(new Row(tuple))).toList();
    }

    /** Hands every row to {@code reader}: for results folded into a map as they come. */
    @SuppressWarnings("unchecked")
    public static void forEach(Query query, Consumer<Row> reader) {
        ((List<Tuple>) query.getResultList()).forEach(tuple -> reader.accept(new Row(tuple)));
    }

    /** The one row a query returns (an aggregate, say), mapped. */
    public static <T> T single(Query query, Function<Row, T> mapper) {
        return mapper.apply(new Row((Tuple) query.getSingleResult()));
    }

    /** A row, read by column alias with the type the caller expects. */
    public static final class Row {

        private final Function<String, Object> columns;

        Row(Tuple tuple) {
            this.columns = tuple::get;
        }

        /** A row of plain JDBC ({@link SqlStatement}): its columns by label. */
        Row(Map<String, Object> columns) {
            this.columns = columns::get;
        }

        public String string(String column) {
            return (String) columns.apply(column);
        }

        /** A count or a bigint; 0 for null. */
        public long count(String column) {
            Object value = columns.apply(column);
            return value == null ? 0 : ((Number) value).longValue();
        }

        public int integer(String column) {
            return (int) count(column);
        }

        public Long nullableLong(String column) {
            Object value = columns.apply(column);
            return value == null ? null : ((Number) value).longValue();
        }

        public Double nullableDouble(String column) {
            Object value = columns.apply(column);
            return value == null ? null : ((Number) value).doubleValue();
        }

        public boolean bool(String column) {
            return Boolean.TRUE.equals(columns.apply(column));
        }

        public Instant instant(String column) {
            Object value = columns.apply(column);
            return value == null ? null : Times.instant(value);
        }
    }
}
