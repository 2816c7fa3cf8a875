package dev.secgroup.gateway.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Inbound HTTP limits that Tomcat has no property for. The others (connection and
 * keep-alive timeouts, keep-alive requests, connections, accept queue, threads) are
 * Spring Boot's {@code server.tomcat.*}, set in {@code application.yaml}.
 *
 * @param headerReadTimeout longest time a client may take to send a request's line and
 * headers, counted from its first byte; then the connection is closed. Tomcat's
 * {@code connection-timeout} only bounds the wait for each read, so without this a client
 * trickling one header byte at a time would hold its connection for hours (the slowloris
 * attack). Zero or negative turns the deadline off
 */
@ConfigurationProperties("gateway.http")
public record HttpProperties(@DefaultValue("10s") Duration headerReadTimeout) {
}
