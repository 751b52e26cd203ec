package org.mcsgov;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Campaigns started for the test's own facilities (the cycle timer starts them for every facility using MCS). */
public abstract class CampaignTestSupport extends ProcessTestSupport {

    protected ProcessInstance campaign(String key, String facilityIds) {
        ProcessInstance campaign = runtimeService.startProcessInstanceByKey(key, Map.of("facilityIds", facilityIds));
        runJobs(campaign);
        return campaign;
    }

    protected void daysLater(ProcessInstance campaign, int days) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(days))));
        runJobs(campaign);
    }

    /** The called instance of the campaign whose business key contains the text (a facility or a user id). */
    protected String child(ProcessInstance campaign, String text) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(campaign.getId())
                .list().stream().filter(h -> h.getBusinessKey().contains(text)).findFirst().orElseThrow().getId();
    }

    protected Map<String, Object> variables(String processInstanceId) {
        Map<String, Object> variables = new HashMap<>();
        engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list()
                .forEach(v -> variables.put(v.getName(), v.getValue()));
        return variables;
    }

    protected boolean passed(String processInstanceId, String activityId) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityId(activityId).count() > 0;
    }
}
