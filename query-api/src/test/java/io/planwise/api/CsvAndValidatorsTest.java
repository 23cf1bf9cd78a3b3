package io.planwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CSV quoting and If-None-Match parsing, the pieces HTTP tests reach only through a few values. */
class CsvAndValidatorsTest {

    @Test
    void csvFieldsAreQuotedAndFormulaTextIsDefused() {
        ResultTable t = new ResultTable(java.util.List.of(new ResultTable.Column("id", "VARCHAR"),
                new ResultTable.Column("n", "BIGINT"), new ResultTable.Column("pay", "DECIMAL(18,2)")),
                java.util.List.of(new Object[] {"=HYPERLINK(\"x\")", -5L, new java.math.BigDecimal("1E+3")},
                        new Object[] {"a,b", null, new java.math.BigDecimal("12.50")},
                        new Object[] {"line\nbreak", 7L, null}));
        String csv = new String(CsvTable.bytes(t), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("id,n,pay\r\n\"'=HYPERLINK(\"\"x\"\")\",-5,1000\r\n\"a,b\",,12.50\r\n"
                + "\"line\nbreak\",7,\r\n");
    }

    @Test
    void validatorsCompareWeaklyAndIgnoreJunk() {
        Validators v = new Validators("\"r1\"", java.time.Instant.EPOCH);
        assertThat(v.matches("\"r1\"")).isTrue();
        assertThat(v.matches("W/\"r1\"")).isTrue();
        assertThat(v.matches("\"r0\", \"r1\"")).isTrue();
        assertThat(v.matches("r1")).isFalse();
        assertThat(v.matches(null)).isFalse();
        assertThat(v.matches("\"r1\"".repeat(2000))).isFalse();
    }
}
