package org.mcsgov;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Process tests: EngineTestSupport with process-test coverage, written to target/process-test-coverage/, and every
 * task and start attacked with forged input before the test acts (ForgedInput).
 */
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class ProcessTestSupport extends EngineTestSupport {

    protected ProcessTestSupport() {
        attackInputs = true;
    }
}
