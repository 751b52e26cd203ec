package org.mcsgov.securityincident;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.Facts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts "incident-report" for a device that did not come back (N3-10): from device-return (not returned, or overdue)
 * and device-takeout (lost during the take-out). The process is the contract: the caller's deviceId, takeoutId and
 * initiator (who reports) are handed over, the report is already filled in.
 */
@Component
public class IncidentReports {

    private static final Logger log = LoggerFactory.getLogger(IncidentReports.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** why: NOT_RETURNED, RETURN_OVERDUE or TAKEOUT (lost while taken out). */
    public JavaDelegate lostDevice(String why) {
        return execution -> {
            Map<String, Object> report = new HashMap<>();
            report.put("reporterUserId", Facts.starter(execution));
            report.put("incidentKind", Incident.Kind.LOST_DEVICE.name());
            report.put("incidentDescription", switch (why) {
                case "NOT_RETURNED" -> "貸与端末が返却されなかった（" + execution.getBusinessKey() + "）: "
                        + execution.getVariable("deviceCondition");
                case "RETURN_OVERDUE" -> "貸与端末の返却期限を過ぎても返却されていない（" + execution.getBusinessKey() + "）";
                default -> "持ち出し中に紛失（" + execution.getBusinessKey() + "）: " + execution.getVariable("deviceCondition");
            });
            report.put("occurredAt", TIME.format(EngineClock.now().atZone(EngineClock.ZONE)));
            report.put("deviceId", execution.getVariable("deviceId"));
            report.put("takeoutId", execution.getVariable("takeoutId"));
            var started = execution.getProcessEngineServices().getRuntimeService()
                    .startProcessInstanceByKey("incident-report", report);
            execution.setVariable("incidentProcessInstanceId", started.getId());
            log.info("[{}] device {} {}: incident-report {}", execution.getBusinessKey(), execution.getVariable("deviceId"),
                    why, started.getId());
        };
    }
}
