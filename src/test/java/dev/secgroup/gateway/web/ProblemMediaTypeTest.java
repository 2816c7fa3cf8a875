package dev.secgroup.gateway.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemMediaTypeTest {

	@ParameterizedTest
	@NullAndEmptySource
	void noAcceptMeansJsonLikeTheHuaweiSdksNeedIt(String accept) {
		assertThat(ProblemMediaType.of(accept)).hasToString("application/json");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			*/*                                                  | application/json
			application/json                                     | application/json
			application/problem+json                             | application/problem+json
			application/problem+json;q=0.5, application/json     | application/json
			application/json;q=0.5, application/problem+json     | application/problem+json
			application/problem+json, */*                        | application/problem+json
			application/problem+json;q=0.9, */*                  | application/json
			application/json, application/problem+json           | application/json
			application/*                                        | application/json
			text/html,application/xhtml+xml,*/*;q=0.8            | application/json
			application/problem+json;q=0                         | application/json
			APPLICATION/PROBLEM+JSON                             | application/problem+json
			not a media type;;                                   | application/json
			""")
	void problemJsonOnlyWhenAcceptPrefersIt(String accept, String expected) {
		assertThat(ProblemMediaType.of(accept)).hasToString(expected);
	}

}
