package org.mcsgov;

import org.mcsgov.directory.UnlockCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class McsGovernanceApplication {
    public static void main(String[] args) {
        var unlock = UnlockCommand.requested(args);
        if (unlock.isPresent()) {
            System.exit(UnlockCommand.run(unlock.get(), args));   // --mcs.unlock=<user>: unlock, then exit
        }
        SpringApplication.run(McsGovernanceApplication.class, args);
    }
}
