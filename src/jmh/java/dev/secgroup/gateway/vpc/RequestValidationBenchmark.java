package dev.secgroup.gateway.vpc;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bean Validation of the VPC operation's body (the same constraints the controller's
 * {@code @Valid} applies): the example body, which passes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RequestValidationBenchmark {

	private final InsertSecurityGroupsRequest body = new InsertSecurityGroupsRequest(new InsertSecurityGroupOption(
			List.of("8edd3747-ccd4-49a1-82b9-a165eec314b4", "6c2d4540-3b7d-4207-a319-a7231b439995"), 1), null);

	private ValidatorFactory factory;

	private Validator validator;

	@Setup
	public void validator() {
		this.factory = Validation.buildDefaultValidatorFactory();
		this.validator = this.factory.getValidator();
	}

	@TearDown
	public void close() {
		this.factory.close();
	}

	@Benchmark
	public Set<ConstraintViolation<InsertSecurityGroupsRequest>> validateExampleBody() {
		return this.validator.validate(this.body);
	}

}
