package org.vigie.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SqlStatementTest {

    @Test
    void namedParametersBecomePlaceholdersInOrderAndRepeated() {
        var parsed = SqlStatement.parse("SELECT * FROM t WHERE a = :first AND b > :second - :first");
        assertEquals("SELECT * FROM t WHERE a = ? AND b > ? - ?", parsed.jdbc());
        assertEquals(List.of("first", "second", "first"), parsed.names());
    }

    @Test
    void castsLiteralsAndQuotedNamesAreLeftAlone() {
        var parsed = SqlStatement.parse("SELECT now()::text, 'vigie.same-text:' || :text, \"odd:name\", ':not' FROM t");
        assertEquals("SELECT now()::text, 'vigie.same-text:' || ?, \"odd:name\", ':not' FROM t", parsed.jdbc());
        assertEquals(List.of("text"), parsed.names());
    }
}
