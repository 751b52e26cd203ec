package org.mcsgov.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.AppTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DisplayName("初期移行 through HTTP: templates from the register pages, the office's dry run (nothing written)")
class MigrationApiIT extends AppTestSupport {

    @Autowired JdbcClient jdbc;

    private HttpResponse<String> dryRun(String user, String fileName, byte[] content) {
        String boundary = "mcs-boundary-1";
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(user, DEMO_PASSWORD, HttpRequest.newBuilder(URI.create(url("/api/imports/dry-run")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    @Test
    @DisplayName("a template: UTF-8 with BOM, the Japanese headers and an example row, for anyone logged in")
    void template() {
        var response = get("clinic-staff", "/register/templates/staff.csv");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("\uFEFF事業所ID,ユーザーID,氏名,ふりがな,職種,メールアドレス,役割\r\n")
                .contains("MCS管理者・担当者");
        assertThat(get("clinic-staff", "/register/templates/nothing.csv").statusCode()).isEqualTo(404);
        assertThat(get("clinic-staff", "/register/templates/groups.csv").body())
                .startsWith("\uFEFF事業所ID,グループ名,種別,患者のふりがな,患者の生年月日,目的,コーディネーターのユーザーID,開始日\r\n");
        assertThat(get("office", "/register").body()).contains("/register/templates/facilities.csv",
                "/register/templates/patients.csv", "/register/templates/memberships.csv", "/register/templates/devices.csv");
    }

    @Test
    @DisplayName("the office's dry run of a Windows-31J staff file: counts, existing rows, bad rows; the register unchanged; others 403")
    void dryRun() {
        String staff = "事業所ID,ユーザーID,氏名,ふりがな,職種,メールアドレス,役割\r\n"
                + "clinic,clinic-coord,既存 担当,キソン タントウ,看護師,clinic-coord@example.jp,担当者\r\n"
                + "clinic,clinic-mig,髙橋 﨑子,タカハシ サキコ,看護師,mig@example.jp,従事者\r\n"
                + "clinic,clinic-bad,誤り,ごあ,看護師,mig@example.jp,\r\n";
        long rows = jdbc.sql("SELECT COUNT(*) FROM staff").query(Long.class).single();
        var response = dryRun("office", "職員.csv", staff.getBytes(CsvText.WINDOWS_31J));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var report = json(response);
        assertThat(report.at("/files/0/encoding").asText()).isEqualTo("Windows-31J（Shift_JIS）");
        assertThat(report.at("/files/0/toCreate").asInt()).isEqualTo(1);
        assertThat(report.at("/files/0/existing").asInt()).isEqualTo(1);
        assertThat(report.at("/problems/0/line").asInt()).isEqualTo(4);
        assertThat(report.at("/problems/0/column").asText()).isEqualTo("ふりがな");
        assertThat(report.at("/problems/1/reason").asText()).contains("3行目と同じメールアドレス");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM staff").query(Long.class).single()).isEqualTo(rows);

        assertThat(dryRun("clinic-admin", "staff.csv", staff.getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(403);
    }
}
