package io.planwise.model.assumptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<CsvReader.Record> read(String text) {
        return CsvReader.read(text, "t.csv");
    }

    @Test
    void quotedFieldsMayHoldCommasBracketsQuotesAndLineBreaks() {
        List<CsvReader.Record> records = read("a,b,c\n"
                + "1,\"Entry-level, individual\",\"['Engineering', 'HR']\"\n"
                + "2,\"say \"\"hi\"\"\",\"two\nlines\"\n"
                + "3,plain,last\n");
        assertThat(records).extracting(CsvReader.Record::line).containsExactly(1, 2, 3, 5);
        assertThat(records.get(1).fields()).containsExactly("1", "Entry-level, individual", "['Engineering', 'HR']");
        assertThat(records.get(2).fields()).containsExactly("2", "say \"hi\"", "two\nlines");
        assertThat(records.get(3).fields()).containsExactly("3", "plain", "last");
    }

    @Test
    void crlfBomBlankLinesAndSurroundingBlanks() {
        List<CsvReader.Record> records = read("\uFEFFa,b\r\n\r\n 1 , \"x\" \r\n\n2,\r\n3,y");
        assertThat(records).extracting(CsvReader.Record::line).containsExactly(1, 3, 5, 6);
        assertThat(records.get(0).fields()).containsExactly("a", "b");
        assertThat(records.get(1).fields()).containsExactly("1", "x");
        assertThat(records.get(2).fields()).containsExactly("2", "");
        assertThat(records.get(3).fields()).containsExactly("3", "y");
    }

    @Test
    void emptyInputHasNoRecords() {
        assertThat(read("")).isEmpty();
        assertThat(read("\n\n")).isEmpty();
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItOpened() {
        assertThatThrownBy(() -> read("a,b\n1,\"open\n2,3\n"))
                .isInstanceOf(AssumptionsException.class)
                .hasMessage("t.csv line 2: quoted field is never closed");
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        assertThatThrownBy(() -> read("a,b\n\n1,\"x\"y\n"))
                .hasMessage("t.csv line 3: unexpected 'y' after a closing quote (a quote inside a quoted field is written \"\")");
    }
}
