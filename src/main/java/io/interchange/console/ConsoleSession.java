package io.interchange.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.model.CanonicalJson;
import io.interchange.ops.admin.AdminGate;
import io.interchange.ops.admin.AdminResponse;
import io.interchange.ops.admin.AdminUser;
import org.apache.camel.Exchange;

/**
 * {@code GET /admin/v1/console}: who the caller is (the console shows actions to role ops only; the
 * API refuses them to viewers anyway) and where the other consoles are: Hawtio, and with an external
 * broker that broker's own console ({@code interchange.console.broker-console-url}).
 */
public class ConsoleSession {

    private final String hawtioPath;
    private final String brokerConsoleUrl;

    public ConsoleSession(String hawtioPath, String brokerConsoleUrl) {
        this.hawtioPath = hawtioPath;
        this.brokerConsoleUrl = brokerConsoleUrl;
    }

    public void show(Exchange exchange) {
        AdminUser user = AdminGate.user(exchange);
        ObjectNode answer = CanonicalJson.mapper().createObjectNode()
                .put("user", user.name())
                .put("role", user.role().apiName())
                .put("hawtio", hawtioPath.isBlank() ? null : hawtioPath)
                .put("brokerConsole", brokerConsoleUrl.isBlank() ? null : brokerConsoleUrl);
        AdminResponse.ok(exchange, answer);
    }
}
