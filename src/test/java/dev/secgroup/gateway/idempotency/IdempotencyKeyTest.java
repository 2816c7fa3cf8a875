package dev.secgroup.gateway.idempotency;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdempotencyKeyTest {

	@Test
	void acceptsTheDraftsQuotedStructuredFieldString() {
		assertThat(IdempotencyKey.parse(List.of("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"")).value())
			.isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
	}

	@Test
	void acceptsTheSameCharactersUnquoted() {
		assertThat(IdempotencyKey.parse(List.of("8e03978e-40d5-43e8-bc93-6894a57f9324")).value())
			.isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
	}

	@Test
	void quotedAndUnquotedAreTheSameKey() {
		assertThat(IdempotencyKey.parse(List.of("\"abc\""))).isEqualTo(IdempotencyKey.parse(List.of("abc")));
	}

	@Test
	void unescapesQuoteAndBackslash() {
		assertThat(IdempotencyKey.parse(List.of("\"a\\\"b\\\\c\"")).value()).isEqualTo("a\"b\\c");
	}

	@Test
	void acceptsTwoHundredFiftyFiveCharacters() {
		assertThat(IdempotencyKey.parse(List.of("k".repeat(255))).value()).hasSize(255);
		assertThat(IdempotencyKey.parse(List.of("\"" + "k".repeat(255) + "\"")).value()).hasSize(255);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "\"\"", "\"unterminated", "\"a\"b", "\"bad\\escape\"", "with space", "\"with space\"",
			"caf\u00e9", "tab\there" })
	void refusesWhatBreaksTheRule(String field) {
		assertThatIllegalArgumentException().isThrownBy(() -> IdempotencyKey.parse(List.of(field)))
			.withMessageStartingWith("must be");
	}

	@Test
	void refusesTwoHundredFiftySixCharacters() {
		assertThatIllegalArgumentException().isThrownBy(() -> IdempotencyKey.parse(List.of("k".repeat(256))));
	}

	@Test
	void refusesTheHeaderSentTwice() {
		assertThatIllegalArgumentException().isThrownBy(() -> IdempotencyKey.parse(List.of("a", "b")))
			.withMessage("must be sent once");
	}

	@Test
	void neverShowsTheKeyInLogs() {
		assertThat(IdempotencyKey.parse(List.of("secret-looking-key"))).hasToString("IdempotencyKey[18 characters]");
	}

}
