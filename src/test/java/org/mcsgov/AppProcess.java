package org.mcsgov;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The application as operations run it: the repackaged jar of target/ in a JVM of its own (Failsafe runs after
 * package), on a given database, with a system administrator for REST. {@link #kill()} is kill -9.
 */
public final class AppProcess implements AutoCloseable {

    public static final String OPERATOR = "ops";
    public static final String OPERATOR_PASSWORD = "ops12345";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;

    private AppProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the jar on the database and waits until it answers (at most 2 minutes). */
    public static AppProcess start(String jdbcUrl, String jdbcUser, Path log, String... extraArguments) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-XX:TieredStopAtLevel=1", "-jar", jar().toString(),
                "--server.port=" + port, "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + jdbcUser, "--spring.datasource.password=",
                "--camunda.bpm.admin-user.id=" + OPERATOR, "--camunda.bpm.admin-user.password=" + OPERATOR_PASSWORD));
        command.addAll(List.of(extraArguments));
        try {
            Files.createDirectories(log.getParent());
            var process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            var app = new AppProcess(process, port);
            await(Duration.ofMinutes(2), () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the application exited at start, see " + log);
                }
                return app.ready();
            });
            return app;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path jar() {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("mcs-governance-workflows-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "no application jar in target/: run through mvn verify (after package)"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A REST call as the system administrator; IOException when the process is gone (the click is lost). */
    public HttpResponse<String> call(String method, String path, String json) throws IOException {
        String token = Base64.getEncoder().encodeToString(
                (OPERATOR + ":" + OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + token).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** kill -9: no shutdown hook, no commit of what was in flight. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** A normal stop (SIGTERM), so that an H2 file is released for the next process. */
    @Override
    public void close() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Polls until the condition holds; fails after the timeout (a bound, never a measured assertion). */
    public static void await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + timeout);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
