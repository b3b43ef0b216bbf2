package io.interchange.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.interchange.support.Race;
import io.interchange.support.TrackingDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each id is taken once per repository, also when many callers add it at the same moment. */
class DeliveryIdRepositoryTest {

    private static HikariDataSource dataSource;

    @BeforeAll
    static void database() throws Exception {
        dataSource = TrackingDatabase.migrated("delivery-id-repository-test");
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void anIdIsAddedOnceAndCanBeRemovedAndEachRepositoryHasItsOwn() {
        DeliveryIdRepository deliveries = new DeliveryIdRepository(dataSource, "webhook-deliveries");
        DeliveryIdRepository callbacks = new DeliveryIdRepository(dataSource, "webhook-callbacks");

        assertThat(deliveries.contains("d-1")).isFalse();
        assertThat(deliveries.add("d-1")).isTrue();
        assertThat(deliveries.add("d-1")).as("seen").isFalse();
        assertThat(deliveries.contains("d-1")).isTrue();
        assertThat(callbacks.contains("d-1")).as("another repository").isFalse();
        assertThat(callbacks.add("d-1")).isTrue();

        assertThat(deliveries.remove("d-1")).isTrue();
        assertThat(deliveries.contains("d-1")).isFalse();
        assertThat(callbacks.contains("d-1")).isTrue();
        assertThat(TrackingDatabase.strings(dataSource, "select createdAt from CAMEL_MESSAGEPROCESSED"
                + " where processorName = 'webhook-callbacks' and messageId = 'd-1'")).singleElement().isNotNull();
    }

    @Test
    void ofManyConcurrentAddsOfOneIdExactlyOneTakesIt() throws Exception {
        DeliveryIdRepository deliveries = new DeliveryIdRepository(dataSource, "webhook-deliveries");
        // a second instance: its own pool on the same database, so its own writer and transactions
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(dataSource.getJdbcUrl());
        config.setUsername("sa");
        config.setMaximumPoolSize(4);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (HikariDataSource otherInstance = new HikariDataSource(config)) {
            DeliveryIdRepository other = new DeliveryIdRepository(otherInstance, "webhook-deliveries");
            for (int round = 0; round < 20; round++) {
                String id = "race-" + round;
                int taken = Race.winners(pool, 16, caller -> {
                    DeliveryIdRepository repository = caller % 2 == 0 ? deliveries : other;
                    return () -> repository.add(id);
                });
                assertThat(taken).as("adds of %s that took it", id).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
