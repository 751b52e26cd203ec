package org.mcsgov.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every CSV export goes through Csv: a cell typed by a person never runs as a spreadsheet formula. */
@DisplayName("CSV: formula injection neutralised")
class CsvTest {

    @ParameterizedTest(name = "\"{0}\" is text")
    @ValueSource(strings = {"=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"})
    @DisplayName("cells starting with =, +, -, @, tab or CR get a leading single quote")
    void formulaNeutralised(String typed) {
        String cell = Csv.cell(typed);
        assertThat(cell.startsWith("'") || cell.startsWith("\"'")).as(cell).isTrue();
    }

    @Test
    @DisplayName("ordinary text and numbers are unchanged; quotes, commas and line breaks are quoted")
    void ordinaryCells() {
        assertThat(Csv.cell("山田 太郎")).isEqualTo("山田 太郎");
        assertThat(Csv.cell(-5L)).isEqualTo("-5");
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("\n\nx")).isEqualTo("\"\n\nx\"");
        assertThat(Csv.cell("=1,2")).isEqualTo("\"'=1,2\"");
    }

    @Test
    @DisplayName("a whole export: the injected cell arrives as text")
    void export() {
        var response = Csv.response("x.csv", List.of("名前"), List.of(Arrays.asList((Object) "=cmd|'/C calc'!A0")));
        assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).contains("'=cmd|'/C calc'!A0");
    }
}
