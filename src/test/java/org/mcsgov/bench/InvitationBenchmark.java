package org.mcsgov.bench;

import static org.mcsgov.invitation.InvitationFixture.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupFixture;
import org.mcsgov.group.GroupService;
import org.mcsgov.invitation.InvitationFixture;
import org.mcsgov.invitation.InvitationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (mvn verify -Pbench; never part of the normal suite): 500 complete invitations (request → approve →
 * accept → confirmed in MCS → member) against, in the same run and engine, 500 start+complete of a bare
 * one-user-task process, the two alternating in 10 blocks. Prints the cost per completed user task of each and their
 * ratio (goal ≤ 2, issue 17).
 */
class InvitationBenchmark extends ProcessTestSupport {

    @Autowired JdbcTemplate jdbc;
    @Autowired GroupService groups;
    @Autowired InvitationService invitations;
    private InvitationFixture scene;

    private static final int N = Integer.getInteger("bench.invitations", 500);
    private static final int BLOCKS = 10;

    @Test
    void invitationsAgainstBareEngine() {
        scene = InvitationFixture.clinicAndStation(this);
        engine.getRepositoryService().createDeployment().name("bench-baseline").addModelInstance("bare.bpmn",
                Bpmn.createExecutableProcess("bench-bare").camundaHistoryTimeToLive(1).startEvent().userTask("task")
                        .endEvent().done()).deploy();
        List<Staff> nurses = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            nurses.add(scene.station.person("n" + i));
        }
        warmUp();

        // bare tasks and invitations alternate in blocks, so both meet the same state of the machine and the JVM: run
        // one after the other, the bare task's cost moved between 5 and 10 ms from run to run, and the ratio with it.
        // Counting statements (-Dbench.sql=true) needs each kind in one stretch: one block each then.
        int blocks = SqlStatistics.counting() ? 1 : BLOCKS;
        double bareMs = 0;
        double invitationMs = 0;
        for (int block = 0; block < blocks; block++) {
            int from = N * block / blocks;
            int to = N * (block + 1) / blocks;
            SqlStatistics.start(jdbc);
            long bareStart = System.nanoTime();
            for (int i = from; i < to; i++) {
                String id = runtimeService.startProcessInstanceByKey("bench-bare").getId();
                taskService.complete(taskService.createTaskQuery().processInstanceId(id).singleResult().getId());
            }
            bareMs += (System.nanoTime() - bareStart) / 1e6;
            SqlStatistics.print(jdbc, to - from, "bare start+complete");

            SqlStatistics.start(jdbc);
            long start = System.nanoTime();
            for (Staff nurse : nurses.subList(from, to)) {
                oneInvitation(scene.group, nurse);
            }
            invitationMs += (System.nanoTime() - start) / 1e6;
            SqlStatistics.print(jdbc, to - from, "invitation");
        }

        int tasksPerInvitation = 4;
        double bareCost = bareMs / N;
        double ourCost = invitationMs / (N * tasksPerInvitation);
        System.out.printf("%nBENCH invitations=%d total=%.0f ms (%d user tasks each, jobs included)%n", N, invitationMs,
                tasksPerInvitation);
        System.out.printf("BENCH bare engine one-user-task start+complete=%d total=%.0f ms%n", N, bareMs);
        System.out.printf("BENCH cost per completed user task: invitation %.2f ms, bare %.2f ms, ratio %.2f (goal <= 2)%n",
                ourCost, bareCost, ourCost / bareCost);
        BenchFigures.record("InvitationBenchmark: cost per completed user task, a whole invitation vs a one-user-task "
                + "process", ourCost, bareCost, "ms");
    }

    private void warmUp() {
        Fixture warm = Fixture.facility(directory, FacilityKind.VISITING_NURSE);
        warm.person("admin", Role.MCS_ADMIN);
        for (int i = 0; i < 20; i++) {
            String id = runtimeService.startProcessInstanceByKey("bench-bare").getId();
            taskService.complete(taskService.createTaskQuery().processInstanceId(id).singleResult().getId());
        }
        Group warmGroup = new GroupFixture(this, groups).activePatientGroup(scene.coord, false);
        for (int i = 0; i < 20; i++) {
            Staff person = warm.person("w" + i);
            ProcessInstance instance = start(scene.coord, "group-invitation", Map.of());
            complete(instance, scene.coord, request(warmGroup, person));
            runJobs(instance);
            decide(instance, warm.user("admin"), "approve", null);
            complete(instance, person.userId(), Map.of("inviteeDecision", "accept"));
            runJobs(instance);
            complete(instance, scene.coord, Map.of("mcsOutcome", "done"));
        }
    }

    /**
     * One invitation driven as its users would, but finding each task directly (by process instance, then by the
     * business key that the sub-processes share), so the figure is the application's, not the test harness's.
     */
    private void oneInvitation(Group group, Staff nurse) {
        as(scene.coord);
        String instanceId = runtimeService.startProcessInstanceByKey("group-invitation").getId();
        taskService.complete(taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId(),
                request(group, nurse));
        identityService.clearAuthentication();
        String businessKey = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
                .getBusinessKey();
        executeJobs();
        completeAs(scene.stationAdmin, businessKey, Map.of("decision", "approve"));
        completeAs(nurse.userId(), businessKey, Map.of("inviteeDecision", "accept"));
        executeJobs();
        completeAs(scene.coord, businessKey, Map.of("mcsOutcome", "done"));
    }

    private void completeAs(String user, String businessKey, Map<String, Object> variables) {
        as(user);
        try {
            var task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
            if (task.getAssignee() == null) {
                taskService.claim(task.getId(), user);
            }
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void executeJobs() {
        var management = engine.getManagementService();
        for (var jobs = management.createJobQuery().executable().list(); !jobs.isEmpty();
             jobs = management.createJobQuery().executable().list()) {
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }
}
