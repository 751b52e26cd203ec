package org.mcsgov.platform;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * The error answer of our pages and /api: a refusal (4xx) keeps its message (server.error.include-message), which
 * is written for the person; an unexpected failure (5xx) says so in Japanese and English and nothing more, since
 * its message may quote SQL or internals (the log has the details). Camunda's refusal of an application ("No access
 * rights for cockpit") is said in Japanese.
 */
@Component
public class SafeErrorAttributes extends DefaultErrorAttributes {

    static final String FAILED = "サーバーで問題が発生しました。時間をおいてもう一度お試しください。続くときは管理者に連絡してください"
            + " / internal error, please try again later";

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        if (attributes.get("status") instanceof Integer status && status >= 500) {
            attributes.put("message", FAILED);
            attributes.remove("trace");
            attributes.remove("exception");
            attributes.remove("errors");
        } else if (attributes.get("message") instanceof String message && message.startsWith("No access rights for")) {
            // Camunda's own refusal of an application (e.g. a coordinator sent to Cockpit), English only
            attributes.put("message", JapaneseMessages.of(message));
        }
        return attributes;
    }
}
