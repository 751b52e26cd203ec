package org.mcsgov.security;

import org.mcsgov.directory.DirectoryService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At every start: the authorizations and Tasklist filters of every role and facility (idempotent). */
@Component
@Order(2)
public class DirectoryStartup implements ApplicationRunner {

    private final DirectoryService directory;
    private final AccessPolicy accessPolicy;

    public DirectoryStartup(DirectoryService directory, AccessPolicy accessPolicy) {
        this.directory = directory;
        this.accessPolicy = accessPolicy;
    }

    @Override
    public void run(ApplicationArguments args) {
        accessPolicy.grantGlobal();
        accessPolicy.ownUsersReadAndUpdateOnly();
        directory.facilities().forEach(f -> accessPolicy.grantFacility(f.id(), f.name()));
    }
}
