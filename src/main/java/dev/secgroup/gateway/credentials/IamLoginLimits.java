package dev.secgroup.gateway.credentials;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on the IAM logins that callers can cause (review A9): a client granted every
 * project ({@code *}) must not make the gateway log in to IAM once per request by naming
 * random project ids, which could exhaust IAM's throttling for the gateway's own user or
 * trip its login protection.
 *
 * @param refusedProjectTtl how long IAM's refusal of a project's token is remembered
 * (answered without asking IAM again)
 * @param newProjectsPerMinute logins for projects without a cached token allowed per
 * minute; further calls for new projects are answered 503 with {@code Retry-After} until
 * the minute ends
 * @param maxProjects projects whose tokens and refusals are kept; beyond it, expired
 * entries are dropped, and a new project waits until one can be
 */
@ConfigurationProperties("gateway.credentials.iam-logins")
record IamLoginLimits(@DefaultValue("5m") Duration refusedProjectTtl, @DefaultValue("60") int newProjectsPerMinute,
		@DefaultValue("10000") int maxProjects) {

	static final IamLoginLimits DEFAULTS = new IamLoginLimits(Duration.ofMinutes(5), 60, 10_000);

}
