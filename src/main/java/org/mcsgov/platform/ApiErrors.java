package org.mcsgov.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The refusals of the /api read views, in Japanese and English like every message users see. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static ResponseStatusException forbidden() {
        return new ResponseStatusException(HttpStatus.FORBIDDEN, "この情報を閲覧する権限がありません / you may not read this");
    }

    public static ResponseStatusException notFound(String what, Object id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, what + "が見つかりません / not found: " + id);
    }
}
