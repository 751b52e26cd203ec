package org.mcsgov;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class McsGovernanceApplication {
    public static void main(String[] args) {
        if (AdminCommand.requested(args).isPresent()) {
            // --mcs.unlock=<user> or --mcs.reset-second-factor=<user>: do it, then exit
            System.exit(AdminCommand.run(args));
        }
        SpringApplication.run(McsGovernanceApplication.class, args);
    }
}
