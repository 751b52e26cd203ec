package org.mcsgov.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.AppTestSupport;

/** The invitation's state for the people concerned, and 取り下げ through /api at any point (demo register, REST). */
@DisplayName("invitation state and cancellation through /api")
class InvitationApiIT extends AppTestSupport {

    @Test
    @DisplayName("the invitee, the inviting facility and the office read it; the coordinator cancels it with a reason")
    void stateAndCancel() {
        var started = post("clinic-coord", "/engine-rest/process-definition/key/group-invitation/start", variables(Map.of()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String instanceId = json(started).get("id").asText();
        String taskId = json(get("clinic-coord", "/engine-rest/task?processInstanceId=" + instanceId)).get(0).get("id").asText();
        var submitted = post("clinic-coord", "/engine-rest/task/" + taskId + "/complete", variables(Map.of(
                "groupId", option("clinic-coord", taskId, "groupOptions", "山田 太郎様"),
                "inviteeStaffId", option("clinic-coord", taskId, "staffOptions", "中村 愛"),
                "reason", "訪問看護の記録を共有するため", "requestAction", "submit")));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
        String businessKey = json(get("office", "/engine-rest/process-instance/" + instanceId)).get("businessKey").asText();
        long id = Long.parseLong(businessKey.substring("invitation:".length()));

        assertThat(json(get("nurse-staff", "/api/invitations/" + id)).get("invitation").get("state").asText())
                .isEqualTo("WAITING_ADMIN");
        assertThat(get("office", "/api/invitations/" + id).statusCode()).isEqualTo(200);
        assertThat(get("pharm-admin", "/api/invitations/" + id).statusCode()).isEqualTo(403);

        assertThat(post("nurse-coord", "/api/invitations/" + id + "/cancel", Map.of("reason", "x")).statusCode())
                .isEqualTo(403);
        var noReason = post("clinic-coord", "/api/invitations/" + id + "/cancel", Map.of("reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("取り下げの理由");

        var cancelled = post("clinic-coord", "/api/invitations/" + id + "/cancel", Map.of("reason", "入院のため"));
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json(cancelled).get("state").asText()).isEqualTo("CANCELLED");
        JsonNode view = json(get("clinic-coord", "/api/invitations/" + id));
        assertThat(view.get("invitation").get("closeReason").asText()).isEqualTo("取り下げ: 入院のため");
        assertThat(view.get("history")).extracting(h -> h.get("step").asText()).containsExactly("REQUEST", "WITHDRAW");
        assertThat(json(get("office", "/engine-rest/process-instance?processInstanceIds=" + instanceId))).isEmpty();
        assertThat(post("clinic-coord", "/api/invitations/" + id + "/cancel", Map.of("reason", "再度")).statusCode())
                .isEqualTo(400);
    }
}
