package org.mcsgov.mcs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Prometheus gauge mcs_revocations_overdue: revocations in MCS past their due date and not confirmed (N1-3, N2-2). */
@Component
public class RevocationMetrics {

    public RevocationMetrics(MeterRegistry registry, McsActionLog actionLog) {
        Gauge.builder("mcs.revocations.overdue", actionLog::overdueRevocations)
                .description("revocations of access asked in MCS (スタッフ解除, 退会, removal, suspension) past their due "
                        + "date and not confirmed").register(registry);
    }
}
