package io.interchange.erp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.model.CanonicalJson;

/**
 * Where under {@code <erp>/sales-orders} an ERP call goes: a path template whose {@code {field}}
 * placeholders are filled from the mapped request body, each value encoded as one path segment,
 * whatever characters the sender's order numbers use. Orders post to the collection itself
 * (template {@code ""}); a cancellation to {@code /{customerReference}/cancellation}.
 */
public class ErpRequestPath {

    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    /** The path for {@code request} (the mapped JSON body), e.g. {@code /WS-1001/cancellation}. */
    public String expand(String request, String template) throws Exception {
        if (template == null || template.isEmpty()) {
            return "";
        }
        JsonNode body = CanonicalJson.mapper().readTree(request);
        Matcher field = FIELD.matcher(template);
        StringBuilder path = new StringBuilder();
        while (field.find()) {
            String value = URLEncoder.encode(body.path(field.group(1)).asText(), StandardCharsets.UTF_8).replace("+", "%20");
            field.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        field.appendTail(path);
        return path.toString();
    }
}
