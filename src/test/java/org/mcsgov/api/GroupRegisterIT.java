package org.mcsgov.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mcsgov.AppTestSupport;
import org.mcsgov.platform.EngineClock;

/** The register's read endpoints on the demo register: members now, on a day, as CSV, and who may read them. */
@DisplayName("register read endpoints (/api)")
class GroupRegisterIT extends AppTestSupport {

    long groupId;

    @BeforeEach
    void demoGroup() {
        var response = get("clinic-coord", "/api/staff/clinic-coord/groups");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode groups = json(response);
        groupId = StreamSupport.stream(groups.spliterator(), false)
                .filter(g -> g.get("name").asText().equals("山田 太郎様")).findFirst().orElseThrow().get("id").asLong();
    }

    @Test
    @DisplayName("a group's current members, with who invited and approved them")
    void currentMembers() {
        JsonNode members = json(get("clinic-coord", "/api/groups/" + groupId + "/members"));
        assertThat(members).anySatisfy(m -> {
            assertThat(m.get("userId").asText()).isEqualTo("clinic-coord");
            assertThat(m.get("role").asText()).isEqualTo("COORDINATOR");
            assertThat(m.get("approvedBy").asText()).isEqualTo("clinic-coord");
        });
    }

    @Test
    @DisplayName("members on day D: today includes the coordinator, a day before the group existed nobody")
    void membersOnDay() {
        assertThat(json(get("office", "/api/groups/" + groupId + "/members?on=" + EngineClock.today())))
                .extracting(m -> m.get("userId").asText()).contains("clinic-coord");
        assertThat(json(get("office", "/api/groups/" + groupId + "/members?on=2000-01-01"))).isEmpty();
        assertThat(get("office", "/api/groups/" + groupId + "/members?on=yesterday").statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("CSV for audits: UTF-8 with BOM, Japanese header, one row per member")
    void csv() {
        var response = get("office", "/api/groups/" + groupId + "/members.csv?on=" + EngineClock.today());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv")
                .containsIgnoringCase("utf-8");
        assertThat(response.body()).startsWith("\uFEFFグループID,職員ID,ユーザーID,氏名,事業所");
        // the coordinator's own row (user id column); other members' rows name them as 招待者 or 終了者
        assertThat(response.body().lines().skip(1).filter(l -> l.split(",")[2].equals("clinic-coord"))).hasSize(1);
    }

    @ParameterizedTest(name = "{0} reading the clinic's group gets {1}")
    @CsvSource({"clinic-coord, 200", "clinic-admin, 200", "clinic-mgr, 200", "office, 200", "pharm-admin, 403",
            "nurse-admin, 403", "nurse-staff, 403", "clinic-staff, 403"})
    @DisplayName("A8-1: the originating facility, the members and the office read a group; others do not")
    void groupAccess(String user, int status) {
        assertThat(get(user, "/api/groups/" + groupId + "/members").statusCode()).isEqualTo(status);
        assertThat(get(user, "/api/groups/" + groupId + "/members.csv").statusCode()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} reading clinic-coord's groups gets {1}")
    @CsvSource({"clinic-coord, 200", "clinic-admin, 200", "office, 200", "nurse-admin, 403", "clinic-staff, 403"})
    @DisplayName("a person's groups: the person, their facility's administrator or manager, and the office")
    void personAccess(String user, int status) {
        assertThat(get(user, "/api/staff/clinic-coord/groups").statusCode()).isEqualTo(status);
    }

    @Test
    @DisplayName("unknown ids are 404 with a message")
    void notFound() {
        var response = get("office", "/api/groups/99999999/members");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("not found");
    }
}
