package org.mcsgov.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.audit.AuditLog.Event;
import org.mcsgov.audit.AuditLog;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A8-1, A8-3: the audit records the status actually sent and the person actually served. */
@DisplayName("audit filter: true status and user (A8-1, A8-3)")
class AuditFilterTest {

    private final AuditLog audit = mock(AuditLog.class);
    private final AuditFilter filter = new AuditFilter(audit, mock(HistoryService.class));

    @Test
    @DisplayName("an exception leaving the chain is recorded as the 500 the container sends, not as 200")
    void failureIs500() {
        var request = new MockHttpServletRequest("POST", "/api/invitations/1/cancel");
        request.setAttribute(AuditLog.USER, "clinic-coord");
        FilterChain failing = (req, res) -> {
            throw new IllegalStateException("broken");
        };
        assertThatThrownBy(() -> filter.doFilter(request, new MockHttpServletResponse(), failing))
                .isInstanceOf(IllegalStateException.class);
        verify(audit).record(eq(Event.CHANGE), eq("clinic-coord"), eq("POST"), eq("/api/invitations/1/cancel"),
                eq(500), any(), any(), any());
    }

    @Test
    @DisplayName("the person the request was served as, not the name in a Basic header that did not log in")
    void servedPersonNotHeader() throws Exception {
        var request = new MockHttpServletRequest("GET", "/api/staff/clinic-coord/groups");
        request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                "nurse-admin:x".getBytes(StandardCharsets.UTF_8)));
        FilterChain served = (req, res) -> req.setAttribute(AuditLog.USER, "clinic-coord");
        filter.doFilter(request, new MockHttpServletResponse(), served);
        verify(audit).record(eq(Event.READ), eq("clinic-coord"), eq("GET"), any(), eq(200), any(), any(), any());
    }

    @Test
    @DisplayName("Tasklist's searches (POST task list, filter list and count) are not logged; its decisions are, named")
    void refreshesAreNotDecisions() throws Exception {
        var session = new org.springframework.mock.web.MockHttpSession();
        for (String search : new String[] {"/camunda/api/engine/engine/default/task",
                "/camunda/api/engine/engine/default/filter/f1/list", "/camunda/api/engine/engine/default/task/count"}) {
            var request = new MockHttpServletRequest("POST", search);
            request.setSession(session);
            filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> { });
        }
        org.mockito.Mockito.verifyNoInteractions(audit);

        var history = mock(HistoryService.class, org.mockito.Mockito.RETURNS_DEEP_STUBS);
        var task = mock(org.camunda.bpm.engine.history.HistoricTaskInstance.class);
        org.mockito.Mockito.when(task.getName()).thenReturn("招待の承認: 中村 愛さん");
        org.mockito.Mockito.when(task.getProcessDefinitionKey()).thenReturn("approval");
        org.mockito.Mockito.when(history.createHistoricTaskInstanceQuery().taskId("0123abcd-0000").singleResult())
                .thenReturn(task);
        var request = new MockHttpServletRequest("POST", "/engine-rest/task/0123abcd-0000/submit-form");
        request.setAttribute(AuditLog.USER, "clinic-admin");
        new AuditFilter(audit, history).doFilter(request, new MockHttpServletResponse(), (req, res) -> { });
        verify(audit).record(eq(Event.CHANGE), eq("clinic-admin"), eq("POST"), any(), eq(200), any(), any(),
                eq("タスク完了: 「招待の承認: 中村 愛さん」（approval）"));
    }

    @Test
    @DisplayName("a search is logged as typed (中村), not percent-encoded; a POST search through /engine-rest is a read")
    void searchesAsTyped() throws Exception {
        var request = new MockHttpServletRequest("GET", "/register/staff");
        request.setQueryString("q=%E4%B8%AD%E6%9D%91");
        request.setAttribute(AuditLog.USER, "office");
        request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                "office:x".getBytes(StandardCharsets.UTF_8)));
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> { });
        verify(audit).record(eq(Event.READ), eq("office"), eq("GET"), eq("/register/staff?q=中村"), eq(200), any(),
                any(), any());
        var search = new MockHttpServletRequest("POST", "/engine-rest/task");
        search.setAttribute(AuditLog.USER, "office");
        filter.doFilter(search, new MockHttpServletResponse(), (req, res) -> { });
        verify(audit).record(eq(Event.READ), eq("office"), eq("POST"), eq("/engine-rest/task"), eq(200), any(),
                any(), any());
    }
}
