package org.mcsgov.mcs;

import org.springframework.stereotype.Component;

/** Default port: MCS has no API, so a person does it in MCS and confirms it in Tasklist. An API-backed port
 * replaces it by being declared {@code @Primary}. */
@Component
public class ManualMcsActions implements McsActions {

    @Override
    public Outcome perform(McsAction action, String subject) {
        return Outcome.manual(action.instruction(subject));
    }
}
