package io.planwise.model.census;

import io.planwise.model.mart.CensusIssue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Census issues counted by severity and reason, each with one example: the issue of the lowest row
 * number, so the tally is the same whichever task saw which row and in which order. Tallies of
 * parts of the census merge into the tally of the whole.
 */
public final class CensusIssueTally implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One reason's count and its example. */
    public record Entry(String severity, String reason, long rows, long exampleRowNumber, String exampleDetail,
            String exampleRawRow) implements Serializable {

        Entry plus(Entry o) {
            Entry first = o.exampleRowNumber < exampleRowNumber ? o : this;
            return new Entry(severity, reason, rows + o.rows, first.exampleRowNumber, first.exampleDetail,
                    first.exampleRawRow);
        }
    }

    /** By severity, then reason: rejects before warnings, reasons alphabetically. */
    private final Map<String, Entry> entries = new TreeMap<>();

    public CensusIssueTally add(CensusIssue issue) {
        return add(new Entry(issue.severity(), issue.reason(), 1, issue.rowNumber(), issue.detail(), issue.rawRow()));
    }

    public CensusIssueTally merge(CensusIssueTally other) {
        other.entries.values().forEach(this::add);
        return this;
    }

    private CensusIssueTally add(Entry e) {
        entries.merge(e.severity() + '\u0000' + e.reason(), e, Entry::plus);
        return this;
    }

    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }
}
