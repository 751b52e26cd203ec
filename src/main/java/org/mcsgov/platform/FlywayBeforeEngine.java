package org.mcsgov.platform;

import java.util.Arrays;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway migrates the register before the engine creates its tables, so Flyway never meets a non-empty schema
 * without its history table on a new database (DESIGN.md §9); baseline-on-migrate covers databases created
 * before Flyway was introduced.
 */
@Component
public class FlywayBeforeEngine implements BeanFactoryPostProcessor {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!beanFactory.containsBeanDefinition("flywayInitializer")) {
            return;
        }
        for (String name : beanFactory.getBeanNamesForType(ProcessEngine.class, true, false)) {
            String definitionName = name.startsWith("&") ? name.substring(1) : name;
            if (!beanFactory.containsBeanDefinition(definitionName)) {
                continue;
            }
            BeanDefinition definition = beanFactory.getBeanDefinition(definitionName);
            String[] current = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
            definition.setDependsOn(Stream.concat(Arrays.stream(current), Stream.of("flywayInitializer"))
                    .distinct().toArray(String[]::new));
        }
    }
}
