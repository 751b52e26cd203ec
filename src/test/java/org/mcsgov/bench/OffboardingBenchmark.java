package org.mcsgov.bench;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.group.GroupService;
import org.mcsgov.staff.OffboardingFixture;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark (mvn -o verify -Pbench -Dtest=OffboardingBenchmark; never part of the normal suite): offboarding a
 * person in 200 groups. Prints the engine's time to lock and start the 200 removals, to run them up to the MCS
 * confirmations, and to finish once the 200 confirmations are in (the people's own time is not counted).
 */
class OffboardingBenchmark extends ProcessTestSupport {

    @Autowired GroupService groups;
    private OffboardingFixture scene;

    @BeforeEach
    void clinicWithLeaver() {
        scene = OffboardingFixture.clinicWithLeaver(this, groups);
    }

    private static final int N = Integer.getInteger("bench.groups", 200);

    @Test
    void offboardingInManyGroups() {
        scene.memberOf(N);
        long t0 = System.nanoTime();
        ProcessInstance instance = scene.offboard("release");
        runAllJobs(instance);
        long t1 = System.nanoTime();
        confirmRemovals(instance);
        long t2 = System.nanoTime();
        runAllJobs(instance);
        complete(instance, scene.admin, Map.of("acknowledgedBy", "admin", "pledgeAcknowledged", true));
        runAllJobs(instance);
        complete(instance, scene.admin, Map.of("mcsOutcome", "done"));
        long t3 = System.nanoTime();
        System.out.printf("%nBENCH offboarding in %d groups: lock + %d removals up to MCS confirmation %.1f s, "
                        + "%d confirmations %.1f s, removals closed + pledge + MCS release + LEFT %.1f s, total %.1f s%n",
                N, N, (t1 - t0) / 1e9, N, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t3 - t0) / 1e9);
        BenchFigures.record(String.format("OffboardingBenchmark: a person in %d groups offboarded (engine time)", N),
                (t3 - t0) / 1e9, "s");
        if (!"LEFT".equals(directory.staff(scene.leaver.id()).orElseThrow().status())) {
            throw new AssertionError("not LEFT");
        }
    }
}
