package org.mcsgov.migration;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A7 初期移行: an import not confirmed by the office within confirmWithin ends without writing anything; chunkRows
 * rows are written in one job and transaction (a failure retries this many); A11-3: a migrated account's activation
 * link is valid for activationValidFor.
 */
@ConfigurationProperties("mcs.migration")
public record MigrationProperties(@DefaultValue("P7D") String confirmWithin, @DefaultValue("500") int chunkRows,
                                  @DefaultValue("P14D") Duration activationValidFor) {
}
