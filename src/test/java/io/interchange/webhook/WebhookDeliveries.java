package io.interchange.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.model.CanonicalJson;

/**
 * Webhook deliveries as the platforms make them: the sample payloads under
 * {@code src/test/resources/webhooks/} and their signatures, computed here with the JDK's own HMAC
 * rather than with the production signing code, so a mistake there cannot hide itself.
 */
public final class WebhookDeliveries {

    private WebhookDeliveries() {
    }

    public static ObjectNode sample(String name) {
        try (InputStream in = WebhookDeliveries.class.getResourceAsStream("/webhooks/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample " + name);
            }
            return (ObjectNode) CanonicalJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shop's orders/create sample for another order number, so each test books its own order. */
    public static byte[] shopOrder(long orderNumber) {
        ObjectNode order = sample("shopify-orders-create.json");
        order.put("order_number", orderNumber).put("name", "#" + orderNumber).put("id", 5_733_000_000_000L + orderNumber);
        return bytes(order);
    }

    public static byte[] shopCancellation(long orderNumber) {
        ObjectNode order = sample("shopify-orders-cancelled.json");
        order.put("order_number", orderNumber).put("name", "#" + orderNumber).put("id", 5_733_000_000_000L + orderNumber);
        return bytes(order);
    }

    public static byte[] bytes(ObjectNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code X-Shopify-Hmac-Sha256}: base64 of HMAC-SHA256 over the body. */
    public static String shopify(String secret, byte[] body) {
        return Base64.getEncoder().encodeToString(hmac(secret, body));
    }

    /** {@code X-Hub-Signature-256}: {@code sha256=} and the hex HMAC-SHA256 over the body. */
    public static String github(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret, body));
    }

    /** {@code Stripe-Signature}: {@code t=<seconds>,v1=<hex HMAC-SHA256 over "t.body">}. */
    public static String stripe(String secret, long epochSeconds, byte[] body) {
        byte[] signed = (epochSeconds + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        return "t=" + epochSeconds + ",v1=" + HexFormat.of().formatHex(hmac(secret, signed));
    }

    private static byte[] hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
