package org.mcsgov.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.mcsgov.AppTestSupport;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * The register and the engine over REST, as {@link InvitationBrowserIT} reads them around its browsers: the demo group,
 * who may be invited into it, the invitation's state, the tasks the jobs open, and the membership ended again
 * afterwards. Apart from the scenario so that the browser steps read as one story.
 */
abstract class InvitationRegisterSupport extends AppTestSupport {

    static final String COORDINATOR = "clinic-coord";
    static final String GROUP_NAME = "山田 太郎様";
    static final String MCS_CONFIRM = "MCSで実施して確定";
    private static final Duration ASYNC = Duration.ofSeconds(45);

    /** A demo person who may be invited, the name the options show, and the MCS administrator of their facility. */
    record Candidate(String userId, String name, String approver) {
    }

    static final List<Candidate> CANDIDATES = List.of(
            new Candidate("care-staff", "井上 優", "care-admin"),
            new Candidate("nurse-coord", "渡辺 亮", "nurse-admin"),
            new Candidate("care-mgr", "山本 和子", "care-admin"),
            new Candidate("nurse-mgr", "佐藤 由美", "nurse-admin"));

    /** The demo group of clinic-coord, by its name. */
    protected long demoGroupId() {
        var response = get(COORDINATOR, "/api/staff/" + COORDINATOR + "/groups");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(json(response).spliterator(), false)
                .filter(g -> GROUP_NAME.equals(g.path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(GROUP_NAME + " not among " + response.body()))
                .path("id").asLong();
    }

    /** The first candidate who is not a current member of the group (see {@link InvitationBrowserIT}). */
    protected Candidate freeCandidate(long group) {
        List<String> members = currentMembers(group).stream().map(m -> m.path("userId").asText()).toList();
        return CANDIDATES.stream().filter(c -> !members.contains(c.userId())).findFirst()
                .orElseThrow(() -> new AssertionError("every candidate " + CANDIDATES + " is already a member of "
                        + GROUP_NAME + " (" + members + "): end one of these memberships (membership-removal)"));
    }

    /** The group's current members as its coordinator reads them over REST. */
    protected List<JsonNode> currentMembers(long group) {
        var response = get(COORDINATOR, "/api/groups/" + group + "/members");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> members = new ArrayList<>();
        json(response).forEach(members::add);
        return members;
    }

    /** The invitation's state as clinic-coord reads it over REST. */
    protected String state(long invitationId) {
        var response = get(COORDINATOR, "/api/invitations/" + invitationId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("invitation").path("state").asText();
    }

    /** The open task of that name in the instances with that business key, as the user sees it (none yet: empty). */
    protected Optional<String> taskOf(String user, String businessKey, String name) {
        var response = post(user, "/engine-rest/task", Map.of("processInstanceBusinessKey", businessKey,
                name.endsWith("%") ? "nameLike" : "name", name));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode tasks = json(response);
        return tasks.isEmpty() ? Optional.empty() : Optional.of(tasks.get(0).path("id").asText());
    }

    /** A field of a 200 answer. */
    protected static String field(HttpResponse<String> response, String name) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path(name).asText();
    }

    /** Ends the membership as a person does it: membership-removal over REST, confirmed in MCS by clinic-coord. */
    protected void endMembership(long membershipId, long group) {
        // as a person does it: start, then choose the membership on the request form (the gate takes no start variables)
        var started = post(COORDINATOR, "/engine-rest/process-definition/key/membership-removal/start",
                variables(Map.of()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String request = json(get(COORDINATOR, "/engine-rest/task?processInstanceId=" + json(started).get("id").asText()))
                .get(0).get("id").asText();
        var requested = post(COORDINATOR, "/engine-rest/task/" + request + "/complete", variables(Map.of(
                "membershipId", String.valueOf(membershipId),
                "removalReason", "画面試験の後始末（" + getClass().getSimpleName() + "）")));
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(204);
        String businessKey = "membership:" + membershipId;
        String mcsTask = eventually("task '" + MCS_CONFIRM + "' of " + businessKey,
                () -> taskOf(COORDINATOR, businessKey, MCS_CONFIRM));
        var confirmed = post(COORDINATOR, "/engine-rest/task/" + mcsTask + "/complete",
                variables(Map.of("mcsOutcome", "done", "mcsComment", "画面試験の後始末")));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(204);
        eventually("membership " + membershipId + " ended", () -> currentMembers(group).stream()
                .noneMatch(m -> m.path("membershipId").asLong() == membershipId)
                ? Optional.of(true) : Optional.empty());
    }
}
