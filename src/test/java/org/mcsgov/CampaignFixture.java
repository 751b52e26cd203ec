package org.mcsgov;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Campaigns started for the test's own facilities (the cycle timer starts them for every facility using MCS), driven
 * through the test's engine.
 */
public final class CampaignFixture {

    private final EngineTestSupport test;

    public CampaignFixture(EngineTestSupport test) {
        this.test = test;
    }

    public ProcessInstance campaign(String key, String facilityIds) {
        ProcessInstance campaign = test.engine().getRuntimeService()
                .startProcessInstanceByKey(key, Map.of("facilityIds", facilityIds));
        test.runJobs(campaign);
        return campaign;
    }

    public void daysLater(ProcessInstance campaign, int days) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(days))));
        test.runJobs(campaign);
    }

    /** The called instance of the campaign whose business key contains the text (a facility or a user id). */
    public String child(ProcessInstance campaign, String text) {
        return test.engine().getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(campaign.getId())
                .list().stream().filter(h -> h.getBusinessKey().contains(text)).findFirst().orElseThrow().getId();
    }

    public Map<String, Object> variables(String processInstanceId) {
        Map<String, Object> variables = new HashMap<>();
        test.engine().getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list()
                .forEach(v -> variables.put(v.getName(), v.getValue()));
        return variables;
    }

    public boolean passed(String processInstanceId, String activityId) {
        return test.engine().getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityId(activityId).count() > 0;
    }
}
