package org.mcsgov.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.mcsgov.EngineTestSupport;
import org.mcsgov.Fixture;
import org.mcsgov.TestDatabase;
import org.mcsgov.TestNames;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.PledgeRegister;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.GroupService;
import org.mcsgov.platform.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.support.DependencyInjectionTestExecutionListener;

/**
 * Benchmark (mvn verify -Pbench -Dtest=QuarterBenchmark; -Ppostgres,bench with MCS_DB_URL; never part of the normal
 * suite): an association of 100 facilities for three months of engine clock, from 1 April, on a database of its own.
 * Clinics (MCS administrator, manager, two coordinators, staff) with their patient groups, partner facilities
 * (administrator, manager, staff). Every day people create patient groups, invite partners' staff into them, remove
 * members, register and offboard staff (rates: -Dbench.*); the timers of the periodic duties start the quarter's
 * membership review, staff reconciliation, security training and password attestations, and QuarterPeople does
 * every task. Prints the engine's time, the rows written per table, the size on disk, and the history cleanup's
 * deletion rate once the retention has passed.
 */
// only injection: the coverage listener would keep every event of the quarter in the heap
@TestExecutionListeners(listeners = DependencyInjectionTestExecutionListener.class)
class QuarterBenchmark extends EngineTestSupport {

    private static final int FACILITIES = Integer.getInteger("bench.facilities", 100);
    private static final int STAFF = Integer.getInteger("bench.staff", 5);
    private static final int GROUPS = Integer.getInteger("bench.groups", 3);
    private static final int MEMBERS = Integer.getInteger("bench.members", 2);
    private static final int DAYS = Integer.getInteger("bench.days", 91);
    private static final double INVITATIONS = rate("bench.invitations", 3);
    private static final double REMOVALS = rate("bench.removals", 1.5);
    private static final double NEW_GROUPS = rate("bench.new-groups", 1);
    private static final double ONBOARDINGS = rate("bench.onboardings", 0.3);
    /** Seconds of cleanup measured at most (on H2 every commit of a big file is slow). */
    private static final int CLEANUP_SECONDS = Integer.getInteger("bench.cleanup-seconds", 60);
    private static final double OFFBOARDINGS = rate("bench.offboardings", 0.2);

    /** 1 April next year, 00:00: the fiscal year's start, when training, review and reconciliation are due. */
    private static final Instant QUARTER = LocalDate.now().withDayOfYear(1).plusYears(1).withMonth(4)
            .atStartOfDay(ZoneId.systemDefault()).toInstant();

    /**
     * A database of its own (its size is measured), and the engine's clock at the quarter's start before the
     * engine starts: the cycle timers are scheduled from it, so the first review and training fall on 1 April.
     */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh("quarter").forEach((key, value) -> registry.add(key, () -> value));
        ClockUtil.setCurrentTime(Date.from(QUARTER));
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired GroupService groups;
    @Autowired PledgeRegister pledges;
    @Value("${spring.datasource.url}") String databaseUrl;

    private long engineNanos;
    private int jobFailures;
    private final Map<String, Integer> started = new HashMap<>();

    @Test
    void quarterOfAnAssociation() {
        ClockUtil.setCurrentTime(Date.from(QUARTER));
        String db = TestDatabase.postgres() ? "PostgreSQL" : "H2 file";
        DatabaseCensus census = new DatabaseCensus(jdbc, TestDatabase.postgres(), databaseUrl);
        QuarterPeople people = new QuarterPeople(engine, jdbc, this::timedComplete);
        QuarterPicks picks = new QuarterPicks(jdbc);

        long s0 = System.nanoTime();
        List<String> clinics = association(people);
        Map<String, Long> before = census.rows();
        long sizeBefore = census.sizeBytes();
        System.out.printf("%nBENCH [%s] association: %d facilities (%d clinics), %d staff, %d patient groups, "
                        + "%d memberships, set up in %.1f s; database %.1f MiB%n", db, FACILITIES, clinics.size(),
                before.get("STAFF"), before.get("PATIENT_GROUP"), before.get("MEMBERSHIP"), seconds(s0),
                sizeBefore / 1048576.0);

        engineNanos = 0;
        long q0 = System.nanoTime();
        for (int day = 0; day < DAYS; day++) {
            ClockUtil.setCurrentTime(Date.from(QUARTER.plus(Duration.ofDays(day)).plus(Duration.ofHours(8))));
            jdbc.update("UPDATE staff SET last_login_at = ? WHERE status = 'ACTIVE'",
                    Timestamp.from(EngineClock.now())); // everyone logs in daily: no account falls inactive
            settle(people);
            ClockUtil.setCurrentTime(Date.from(EngineClock.now().plus(Duration.ofHours(2))));
            settle(people);
            act(day, clinics, picks);
            settle(people);
            if (day % 7 == 6) {
                System.out.printf("BENCH ... day %d: engine %.0f s, wall %.0f s%n", day + 1, engineNanos / 1e9,
                        seconds(q0));
            }
        }
        double wall = seconds(q0);
        Map<String, Long> after = census.rows();
        long sizeAfter = census.sizeBytes();
        System.out.printf("BENCH [%s] quarter: %d days, engine time %.1f s (starts, task completions, jobs), "
                + "wall %.1f s, %d job failures; started by people: %s%n", db, DAYS, engineNanos / 1e9, wall,
                jobFailures, started);
        BenchFigures.record(String.format("QuarterBenchmark [%s]: engine time of a quarter of an association", db),
                engineNanos / 1e9, "s");
        new QuarterReport(db, census).print(people, before, after, sizeBefore, sizeAfter);
        new HistoryCleanupRate(engine, census).measure(db, CLEANUP_SECONDS);
    }

    private static double rate(String property, double perDay) {
        return Double.parseDouble(System.getProperty(property, String.valueOf(perDay)));
    }

    /** How many of an event fall on this day at a rate per day (fractional rates spread evenly). */
    private static int onDay(int day, double perDay) {
        return (int) (Math.floor((day + 1) * perDay) - Math.floor(day * perDay));
    }

    /** The facilities and their people (registered directly, as the import would), each clinic's first groups. */
    private List<String> association(QuarterPeople people) {
        List<String> clinics = new ArrayList<>();
        for (int f = 0; f < FACILITIES; f++) {
            boolean clinic = f % 2 == 0;
            Fixture facility = Fixture.facility(directory, clinic ? FacilityKind.CLINIC
                    : f % 4 == 1 ? FacilityKind.VISITING_NURSE : FacilityKind.PHARMACY);
            List<Staff> staff = new ArrayList<>(List.of(facility.person("admin", Role.MCS_ADMIN),
                    facility.person("mgr", Role.MANAGER)));
            for (int s = 0; s < STAFF; s++) {
                staff.add(facility.person("s" + s));
            }
            if (clinic) {
                staff.add(facility.person("coord1", Role.COORDINATOR));
                staff.add(facility.person("coord2", Role.COORDINATOR));
                clinics.add(facility.facilityId);
            }
            // everyone signed the pledge (A9-1): the invitation's check asks for it
            staff.forEach(person -> pledges.record(person, PledgeRegister.Status.SIGNED, "bench", null));
        }
        QuarterPicks picks = new QuarterPicks(jdbc);
        for (String clinic : clinics) {
            for (int g = 0; g < GROUPS; g++) {
                newPatientGroup(clinic + "-coord" + (1 + g % 2));
            }
            settle(people);
        }
        for (int i = 0; i < clinics.size() * GROUPS * MEMBERS; i++) {
            QuarterPicks.Pick group = picks.group();
            QuarterPicks.Pick member = picks.invitee(group.id());
            if (member != null) {
                groups.openMembership(group.id(), member.id(), "MEMBER", group.userId(), "bench", null, "bench");
            }
        }
        return clinics;
    }

    /** One day's requests, each started and submitted by the person responsible; the rest is QuarterPeople's. */
    private void act(int day, List<String> clinics, QuarterPicks picks) {
        for (int i = 0; i < onDay(day, NEW_GROUPS); i++) {
            newPatientGroup(clinics.get(picks.nextInt(clinics.size())) + "-coord" + (1 + picks.nextInt(2)));
        }
        for (int i = 0; i < onDay(day, INVITATIONS); i++) {
            QuarterPicks.Pick group = picks.group();
            QuarterPicks.Pick invitee = picks.invitee(group.id());
            if (invitee != null) {
                submit(group.userId(), "group-invitation", Map.of(), Map.of("groupId", String.valueOf(group.id()),
                        "inviteeStaffId", String.valueOf(invitee.id()), "reason", "訪問看護で状態を共有するため",
                        "requestAction", "submit"));
            }
        }
        for (int i = 0; i < onDay(day, REMOVALS); i++) {
            QuarterPicks.Pick membership = picks.membershipToEnd();
            if (membership != null) {
                submit(membership.userId(), "membership-removal", Map.of(), Map.of("membershipId",
                        String.valueOf(membership.id()), "removalReason", "担当終了"));
            }
        }
        for (int i = 0; i < onDay(day, ONBOARDINGS); i++) {
            String facility = clinics.get(picks.nextInt(clinics.size()));
            String userId = facility + "-new" + day + "x" + i;
            timed(() -> start(facility + "-admin", "staff-onboarding", Map.of("staffUserId", userId,
                    "staffName", "新人 職員", "staffKana", "シンジン ショクイン", "profession", "看護師",
                    "staffEmail", userId + "@example.jp")));
            started.merge("staff-onboarding", 1, Integer::sum);
        }
        for (int i = 0; i < onDay(day, OFFBOARDINGS); i++) {
            QuarterPicks.Leaver leaver = picks.leaver();
            if (leaver != null) {
                submit(leaver.facilityId() + "-admin", "staff-offboarding", Map.of(), Map.of("leaverUserId",
                        leaver.userId(), "offboardingReason", "月末で退職", "mcsExit", "release"));
            }
        }
    }

    /** A patient consented and their group requested by the coordinator (the MCS confirmation: QuarterPeople). */
    private void newPatientGroup(String coordinator) {
        ProcessInstance consent = timed(() -> start(coordinator, "patient-consent", Map.of("patientName",
                "患者 " + TestNames.kana(), "patientKana", TestNames.kana(), "birthDate", "1940-02-03")));
        long patientId = (Long) runtimeService.getVariable(consent.getId(), "patientId");
        timedComplete(singleTask(consent, coordinator), coordinator, Map.of("explanation",
                "主治医・訪問看護・薬局と療養情報を共有（体調管理のため）", "consentDecision", "granted",
                "consenterType", "patient", "consenterName", "本人", "consentMethod", "written",
                "consentDate", EngineClock.today().toString(), "documentRef", "同意書-001"));
        submit(coordinator, "patient-group-creation", Map.of(), Map.of("patientId", String.valueOf(patientId),
                "patientTakesPart", false));
    }

    /** Starts the process and completes its first task (the request form) as the same person. */
    private void submit(String user, String key, Map<String, Object> start, Map<String, Object> form) {
        ProcessInstance instance = timed(() -> start(user, key, start));
        timedComplete(singleTask(instance, user), user, form);
        started.merge(key, 1, Integer::sum);
    }

    /** Runs due jobs and lets people do their tasks until nothing more happens at this time of the clock. */
    private void settle(QuarterPeople people) {
        for (int round = 0; round < 50; round++) {
            int jobs = runDueJobs();
            int tasks = people.work();
            if (jobs == 0 && tasks == 0) {
                return;
            }
        }
    }

    private int runDueJobs() {
        var management = engine.getManagementService();
        int executed = 0;
        for (List<Job> jobs = management.createJobQuery().executable().listPage(0, 500); !jobs.isEmpty();
             jobs = management.createJobQuery().executable().listPage(0, 500)) {
            int before = jobFailures;
            for (Job job : jobs) {
                try {
                    timed(() -> { management.executeJob(job.getId()); return null; });
                    executed++;
                } catch (RuntimeException e) { // retried later (R3/PT5M), then an incident, as in production
                    jobFailures++;
                }
            }
            if (jobFailures - before == jobs.size()) {
                break; // only failing jobs are due: they wait for their retry time
            }
        }
        return executed;
    }

    private void timedComplete(Task task, String user, Map<String, Object> variables) {
        timed(() -> { complete(task, user, variables); return null; });
    }

    private <T> T timed(java.util.function.Supplier<T> call) {
        long t0 = System.nanoTime();
        try {
            return call.get();
        } finally {
            engineNanos += System.nanoTime() - t0;
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
