package org.mcsgov.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.mcsgov.platform.Csv;
import org.mcsgov.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * 初期移行: the templates with Japanese headers (from the register pages) and the dry run of the office's files, which
 * reads the register and writes nothing.
 */
@RestController
public class MigrationController {

    private final CurrentUser currentUser;
    private final Known known;

    public MigrationController(CurrentUser currentUser, Known known) {
        this.currentUser = currentUser;
        this.known = known;
    }

    @GetMapping("/register/templates/{name}.csv")
    public ResponseEntity<byte[]> template(@PathVariable String name) {
        for (ImportFile file : ImportFile.values()) {
            if (file.fileName().equals(name)) {
                return Csv.response(name + ".csv", file.headers(), List.of(List.copyOf(file.sample())));
            }
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "テンプレートがありません / no such template: " + name);
    }

    @PostMapping(path = "/api/imports/dry-run", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public DryRun.Report dryRun(@RequestParam("files") List<MultipartFile> files) {
        if (!currentUser.isOffice()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "初期移行は医師会事務局だけが行えます / office only");
        }
        return DryRun.check(files.stream().map(file -> new DryRun.Upload(file.getOriginalFilename(), bytes(file)))
                .toList(), known);
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
