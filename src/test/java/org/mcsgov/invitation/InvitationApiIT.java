package org.mcsgov.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.mcsgov.AppTestSupport;

/**
 * The invitation's state for the people concerned, 取り下げ through /api at any point, and two people acting on it
 * at the same moment (demo register, REST).
 */
@DisplayName("invitation state, cancellation and simultaneous decisions through REST")
class InvitationApiIT extends AppTestSupport {

    @Test
    @DisplayName("the invitee, the inviting facility and the office read it; the coordinator cancels it with a reason")
    void stateAndCancel() {
        long id = requestInvitation();

        assertThat(json(get("nurse-staff", "/api/invitations/" + id)).get("invitation").get("state").asText())
                .isEqualTo("WAITING_ADMIN");
        assertThat(get("office", "/api/invitations/" + id).statusCode()).isEqualTo(200);
        // the group's readers (ReadPolicy.readsGroupsOf: the originating facility's roles) read the requests into it
        assertThat(get("clinic-mgr", "/api/invitations/" + id).statusCode()).isEqualTo(200);
        assertThat(get("clinic-staff", "/api/invitations/" + id).statusCode()).isEqualTo(403);
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
        assertThat(json(get("office", "/engine-rest/process-instance?businessKey=invitation:" + id))).isEmpty();
        assertThat(post("clinic-coord", "/api/invitations/" + id + "/cancel", Map.of("reason", "再度")).statusCode())
                .isEqualTo(400);
    }

    // a race: repeated, since one round often misses the moment (each ends its invitation, so rounds are independent)
    @RepeatedTest(value = 8, name = "round {currentRepetition}")
    @DisplayName("the MCS administrator and the manager approve at the same moment, then two cancels at once: one wins, "
            + "the other gets 409 with a message, and the history has one approval and one withdrawal")
    void simultaneousApprovalsAndCancels() {
        long id = requestInvitation();
        String taskId = approvalTask(id);

        var approvals = together(
                () -> post("nurse-admin", "/engine-rest/task/" + taskId + "/complete",
                        variables(Map.of("decision", "approve"))),
                () -> post("nurse-mgr", "/engine-rest/task/" + taskId + "/complete",
                        variables(Map.of("decision", "approve"))));
        assertOneWins(approvals, 204);
        assertThat(steps(id)).containsOnlyOnce("APPROVE").doesNotContain("REJECT", "RETURN");

        var cancels = together(
                () -> post("clinic-coord", "/api/invitations/" + id + "/cancel", Map.of("reason", "退院のため")),
                () -> post("clinic-coord", "/api/invitations/" + id + "/cancel", Map.of("reason", "退院のため")));
        assertThat(cancels).extracting(HttpResponse::statusCode).containsOnlyOnce(200);
        assertThat(cancels).filteredOn(r -> r.statusCode() != 200).singleElement().satisfies(loser -> {
            // 409 while both ran at once; 400 "ended already" when the winner had committed before the check
            assertThat(loser.statusCode()).as(loser.body()).isIn(400, 409);
            assertThat(json(loser).get("message").asText()).containsPattern("[ぁ-ん]").contains(" / ");
        });
        assertThat(steps(id)).containsOnlyOnce("WITHDRAW");
        assertThat(json(get("clinic-coord", "/api/invitations/" + id)).get("invitation").get("state").asText())
                .isEqualTo("CANCELLED");
    }

    /** The approver's task, once the job executor has started the asynchronous approval. */
    private String approvalTask(long id) {
        for (int i = 0; i < 300; i++) {
            JsonNode tasks = json(get("nurse-admin", "/engine-rest/task?taskDefinitionKey=UserTask_Decide"
                    + "&processInstanceBusinessKey=invitation:" + id));
            if (!tasks.isEmpty()) {
                return tasks.get(0).get("id").asText();
            }
            pause();
        }
        throw new AssertionError("no approval task for invitation " + id);
    }

    private List<String> steps(long id) {
        return StreamSupport.stream(json(get("clinic-coord", "/api/invitations/" + id)).get("history").spliterator(), false)
                .map(h -> h.get("step").asText()).toList();
    }

    private static void assertOneWins(List<HttpResponse<String>> responses, int success) {
        assertThat(responses).as(responses.stream().map(HttpResponse::body).toList().toString())
                .extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(success, 409);
        var loser = responses.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertThat(json(loser).get("message").asText()).as(loser.body()).contains("一覧を更新", "refresh")
                .doesNotContain("Exception", "ENGINE-");
    }

    @SafeVarargs
    private static List<HttpResponse<String>> together(Supplier<HttpResponse<String>>... requests) {
        var start = new CountDownLatch(1);
        var futures = java.util.Arrays.stream(requests).map(r -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return r.get();
        })).toList();
        start.countDown();
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
