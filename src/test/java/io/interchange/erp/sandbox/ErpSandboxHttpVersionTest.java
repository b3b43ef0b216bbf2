package io.interchange.erp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.interchange.support.FreePorts;
import org.junit.jupiter.api.Test;

/** The sandbox speaks HTTP/1.1 and declines a client's plaintext HTTP/2 upgrade (h2c). */
class ErpSandboxHttpVersionTest {

    @Test
    void aClientAskingForAnHttp2UpgradeIsAnsweredInHttp11() throws Exception {
        ErpSandbox sandbox = new ErpSandbox("localhost", FreePorts.next(), "u", "p", new ItemCatalog(List.of("WIDGET-")));
        sandbox.start();
        try {
            // Java's client asks for h2c on its first request to an http:// address
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + sandbox.port() + "/erp/sandbox/faults")).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        } finally {
            sandbox.stop();
        }
    }
}
