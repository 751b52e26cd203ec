package org.mcsgov.webapps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.mcsgov.platform.JapaneseMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The errors of the webapps' own API (/camunda/api/…, what Tasklist, Cockpit and Admin call and show in their red
 * notifications) in Japanese only: Tasklist showed "Cannot submit task form 6b0c…: 日本語 / English" when a step
 * refused input, Cockpit an English permission dump. The JSON error's message becomes {@link JapaneseMessages#of};
 * the original is logged for the operator. Programs use /engine-rest, which keeps "日本語 / English".
 */
class WebappErrors extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(WebappErrors.class);

    private final ObjectMapper json;

    WebappErrors(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, answer);
            if (answer.getStatus() >= 400 && answer.getContentType() != null && answer.getContentType().contains("json")) {
                rewrite(request, answer);
            }
        } finally {
            answer.copyBodyToResponse();
        }
    }

    private void rewrite(HttpServletRequest request, ContentCachingResponseWrapper answer) throws IOException {
        JsonNode body;
        try {
            body = json.readTree(answer.getContentAsByteArray());
        } catch (IOException notJson) {
            return;
        }
        if (body instanceof ObjectNode error && error.get("message") != null && error.get("message").isTextual()) {
            String original = error.get("message").asText();
            String japanese = JapaneseMessages.of(original);
            LOG.info("webapp error {} on {} {} shown in Japanese; original: {}", answer.getStatus(), request.getMethod(),
                    request.getRequestURI(), original);
            error.put("message", japanese);
            answer.resetBuffer();
            answer.getOutputStream().write(json.writeValueAsString(error).getBytes(StandardCharsets.UTF_8));
        }
    }
}
