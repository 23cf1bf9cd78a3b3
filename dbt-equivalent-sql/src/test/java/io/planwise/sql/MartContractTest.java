package io.planwise.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.planwise.warehouse.contract.Column;
import io.planwise.warehouse.contract.Mart;
import io.planwise.warehouse.contract.ProjectionMarts;
import java.nio.file.Path;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL engine writes a mart only when its model's columns, as {@code DESCRIBE} reports them,
 * are the contract's: a model that drifts stops the run instead of publishing other files.
 */
class MartContractTest {
    @TempDir
    Path tmp;

    /** A relation shaped exactly like the contract says, partition column first as the models have it. */
    private static String shapedLike(Mart mart) {
        StringJoiner select = new StringJoiner(", ");
        select.add("CAST(2025 AS INTEGER) AS " + mart.partitionColumn());
        for (Column c : mart.columns()) {
            select.add("CAST(NULL AS " + c.type().sqlName() + ") AS " + c.name());
        }
        return "SELECT " + select;
    }

    @Test
    void everyProjectionMartShapedLikeTheContractPasses() throws Exception {
        try (DuckDbSession db = DuckDbSession.open(1, tmp)) {
            for (Mart mart : ProjectionMarts.ALL) {
                db.execute("CREATE TABLE " + mart.name() + " AS " + shapedLike(mart));
                MartFiles.checkAgainstContract(db, mart);
            }
        }
    }

    @Test
    void aDriftingModelIsRefusedWithWhatItHasAndWhatTheContractSays() throws Exception {
        Mart needs = ProjectionMarts.NEEDS;
        try (DuckDbSession db = DuckDbSession.open(1, tmp)) {
            db.execute("CREATE TABLE " + needs.name() + " AS " + shapedLike(needs).replace(
                    "CAST(NULL AS BIGINT) AS hires", "CAST(NULL AS INTEGER) AS hires"));
            assertThatThrownBy(() -> MartFiles.checkAgainstContract(db, needs)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("mart model fct_workforce_needs does not match the contract")
                    .hasMessageContaining("hires INTEGER").hasMessageContaining("hires BIGINT");
            db.execute("CREATE OR REPLACE TABLE " + needs.name() + " AS SELECT * EXCLUDE (simulation_year) FROM ("
                    + shapedLike(needs) + ")");
            assertThatThrownBy(() -> MartFiles.checkAgainstContract(db, needs))
                    .hasMessageContaining("no INTEGER simulation_year");
        }
    }
}
