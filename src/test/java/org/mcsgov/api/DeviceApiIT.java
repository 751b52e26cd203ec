package org.mcsgov.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.AppTestSupport;

/** The register's read views over HTTP with the demo data: who reads devices, take-outs and incidents (A8-2, A12-9, N2-2). */
@DisplayName("device, take-out and incident read endpoints: authorization and CSV")
class DeviceApiIT extends AppTestSupport {

    private JsonNode smartphone() {
        var response = get("nurse-admin", "/api/facilities/nurse/devices");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(json(response).spliterator(), false)
                .filter(d -> "NS-SP-01".equals(d.path("assetNumber").asText())).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("A8-2: the facility's administrators and managers and the office read the register; others 403, no login 401")
    void facilityLists() {
        JsonNode phone = smartphone();
        assertThat(phone.path("state").asText()).isEqualTo("ON_LOAN");
        assertThat(phone.path("holderUserId").asText()).isEqualTo("nurse-staff");
        assertThat(phone.path("usable").asBoolean()).isTrue();
        for (String path : new String[] {"/api/facilities/nurse/devices", "/api/facilities/nurse/takeouts",
                "/api/facilities/nurse/incidents"}) {
            assertThat(get("nurse-mgr", path).statusCode()).as(path).isEqualTo(200);
            assertThat(get("office", path).statusCode()).as(path).isEqualTo(200);
            assertThat(get("nurse-staff", path).statusCode()).as(path).isEqualTo(403);
            assertThat(get("pharm-admin", path).statusCode()).as(path).isEqualTo(403);
            assertThat(get(null, path).statusCode()).as(path).isEqualTo(401);
        }
        var csv = get("nurse-admin", "/api/facilities/nurse/devices.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF端末ID,").contains("NS-SP-01", "貸与中", "nurse-staff");
        assertThat(get("nurse-admin", "/api/facilities/nurse/takeouts.csv").body()).startsWith("\uFEFF申請ID,");
        assertThat(get("nurse-admin", "/api/facilities/nurse/incidents.csv").body()).startsWith("\uFEFF報告ID,");
    }

    @Test
    @DisplayName("A8-2: a device with its history: also for the person it is lent to, not for colleagues elsewhere")
    void deviceWithHistory() {
        long id = smartphone().path("id").asLong();
        var asHolder = get("nurse-staff", "/api/devices/" + id);
        assertThat(asHolder.statusCode()).as(asHolder.body()).isEqualTo(200);
        JsonNode view = json(asHolder);
        assertThat(view.path("states")).extracting(s -> s.path("state").asText()).containsSubsequence("CHECK_PENDING", "IN_USE", "ON_LOAN");
        assertThat(view.path("loans")).extracting(l -> l.path("userId").asText()).contains("nurse-staff");
        assertThat(view.path("checks").get(0).path("passed").asBoolean()).isTrue();
        assertThat(get("clinic-admin", "/api/devices/" + id).statusCode()).isEqualTo(403);
        assertThat(get("office", "/api/devices/" + id).statusCode()).isEqualTo(200);
        assertThat(get("nurse-admin", "/api/devices/999999999").statusCode()).isEqualTo(404);
    }
}
