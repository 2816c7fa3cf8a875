package dev.secgroup.gateway;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.servlet.ServletRequest;
import org.jspecify.annotations.NullMarked;

import org.springframework.beans.factory.annotation.Autowired;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package-by-feature boundaries of docs/architecture.md, kept true as the code grows.
 * No rule may pass because its packages are empty: a renamed package fails the rules that
 * name it.
 */
@AnalyzeClasses(packages = "dev.secgroup.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule sharedPlumbingNeverImportsAFeature = noClasses().that()
		.resideInAnyPackage("..gateway.call..", "..gateway.upstream..", "..gateway.web..", "..gateway.credentials..",
				"..gateway.security..", "..gateway.audit..", "..gateway.observability..", "..gateway.sharedstate..",
				"..gateway.quota..", "..gateway.idempotency..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..gateway.hss..", "..gateway.vpc..", "..gateway.simulator..");

	/**
	 * The shared-state store is the bottom layer: features and plumbing use it, it uses
	 * none of them.
	 */
	@ArchTest
	static final ArchRule sharedStateKnowsNoOtherPackage = noClasses().that()
		.resideInAPackage("..gateway.sharedstate..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..gateway.upstream..", "..gateway.web..", "..gateway.credentials..",
				"..gateway.security..", "..gateway.audit..", "..gateway.hss..", "..gateway.vpc..",
				"..gateway.simulator..");

	@ArchTest
	static final ArchRule featuresAreIndependentOfEachOther = noClasses().that()
		.resideInAPackage("..gateway.hss..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..gateway.vpc..", "..gateway.simulator..");

	@ArchTest
	static final ArchRule vpcDoesNotKnowHss = noClasses().that()
		.resideInAPackage("..gateway.vpc..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..gateway.hss..", "..gateway.simulator..");

	/**
	 * The simulator reads the documents on its own; the one gateway code it shares is the
	 * SDK-HMAC-SHA256 verifier of {@code signing} (pinned by the SDK's test vectors), so
	 * that it checks signatures exactly as Huawei does.
	 */
	@ArchTest
	static final ArchRule simulatorIsAnOutsider = noClasses().that()
		.resideInAPackage("..gateway.simulator..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..gateway.hss..", "..gateway.vpc..", "..gateway.upstream..", "..gateway.web..",
				"..gateway.security..", "..gateway.audit..", "..gateway.credentials..");

	/**
	 * SDK-HMAC-SHA256 is one algorithm shared by the upstream signer (credentials), the
	 * inbound verifier (security) and the simulator: it depends on none of them, nor on
	 * any other gateway package, Spring or the servlet API.
	 */
	@ArchTest
	static final ArchRule signingIsPlainJava = noClasses().that()
		.resideInAPackage("..gateway.signing..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..gateway.hss..", "..gateway.vpc..", "..gateway.simulator..", "..gateway.upstream..",
				"..gateway.web..", "..gateway.credentials..", "..gateway.security..", "..gateway.audit..",
				"..gateway.observability..", "org.springframework..", "jakarta.servlet..");

	/**
	 * Credentials plug into upstream's seam; upstream never knows how the gateway proves
	 * itself.
	 */
	@ArchTest
	static final ArchRule upstreamDoesNotKnowCredentials = noClasses().that()
		.resideInAPackage("..gateway.upstream..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("..gateway.credentials..");

	@ArchTest
	static final ArchRule credentialsKnowNeitherTheWebLayerNorSecurityNorAudit = noClasses().that()
		.resideInAPackage("..gateway.credentials..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..gateway.web..", "..gateway.security..", "..gateway.audit..");

	@ArchTest
	static final ArchRule upstreamDoesNotKnowTheWebLayer = noClasses().that()
		.resideInAPackage("..gateway.upstream..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..gateway.web..", "..gateway.security..", "..gateway.audit..");

	@ArchTest
	static final ArchRule webKnowsNeitherSecurityNorAudit = noClasses().that()
		.resideInAPackage("..gateway.web..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..gateway.security..", "..gateway.audit..");

	/**
	 * Features ask security one question, through its public API: may the calling client
	 * use the resources this validated request names ({@code ResourceGrants}).
	 */
	@ArchTest
	static final ArchRule featuresAskSecurityOnlyThroughResourceGrants = noClasses().that()
		.resideInAnyPackage("..gateway.hss..", "..gateway.vpc..")
		.should()
		.dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("security other than ResourceGrants",
				type -> type.getPackageName().endsWith(".gateway.security")
						&& !type.getName().equals("dev.secgroup.gateway.security.ResourceGrants")));

	/** Security tells the audit record who the client is; audit never asks security. */
	@ArchTest
	static final ArchRule auditDoesNotKnowSecurity = noClasses().that()
		.resideInAPackage("..gateway.audit..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..gateway.security..");

	/**
	 * Observability watches the others through Spring and Micrometer (conventions,
	 * filters, health contributors); nothing calls it, so it can change without touching
	 * a feature.
	 */
	@ArchTest
	static final ArchRule nobodyDependsOnObservability = noClasses().that()
		.resideOutsideOfPackage("..gateway.observability..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("..gateway.observability..");

	/**
	 * The call context and the operation declarations are the bottom of the house: every
	 * step reads or writes them, and they know none of the steps.
	 */
	@ArchTest
	static final ArchRule theCallContextKnowsNoOtherPackage = noClasses().that()
		.resideInAPackage("..gateway.call..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..gateway.upstream..", "..gateway.web..", "..gateway.credentials..",
				"..gateway.security..", "..gateway.audit..", "..gateway.observability..", "..gateway.sharedstate..",
				"..gateway.idempotency..", "..gateway.hss..", "..gateway.vpc..", "..gateway.simulator..");

	/**
	 * A request's context lives in one request attribute, owned by
	 * {@code CallContext.of}: no other gateway class passes facts between packages in
	 * request attributes.
	 */
	@ArchTest
	static final ArchRule onlyTheCallContextSetsRequestAttributes = noClasses().that()
		.resideOutsideOfPackage("..gateway.call..")
		.should()
		.callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.name("setAttribute"))
			.and(JavaCall.Predicates
				.target(HasOwner.Predicates.With.owner(JavaClass.Predicates.assignableTo(ServletRequest.class)))));

	/**
	 * Idempotency wraps the features' upstream calls from outside: the plumbing it sits
	 * on never knows it, and it knows neither security's nor audit's classes.
	 */
	@ArchTest
	static final ArchRule idempotencyIsAStepThePlumbingDoesNotKnow = noClasses().that()
		.resideInAnyPackage("..gateway.call..", "..gateway.upstream..", "..gateway.web..", "..gateway.credentials..",
				"..gateway.security..", "..gateway.audit..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("..gateway.idempotency..");

	@ArchTest
	static final ArchRule idempotencyKnowsNeitherSecurityNorAudit = noClasses().that()
		.resideInAPackage("..gateway.idempotency..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..gateway.security..", "..gateway.audit..");

	@ArchTest
	static final ArchRule onlyJackson3Databind = noClasses().should()
		.dependOnClassesThat()
		.resideInAPackage("com.fasterxml.jackson.databind..");

	/** Every package may depend on another only one way round. */
	@ArchTest
	static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.secgroup.gateway.(*)..")
		.should()
		.beFreeOfCycles();

	/**
	 * JSpecify: in every package, types are non-null unless marked {@code @Nullable}.
	 */
	@ArchTest
	static final ArchRule everyPackageIsNullMarked = classes().should(residesInANullMarkedPackage());

	@ArchTest
	static final ArchRule noFieldInjection = noFields().should().beAnnotatedWith(Autowired.class);

	private static ArchCondition<JavaClass> residesInANullMarkedPackage() {
		return new ArchCondition<>("reside in a package whose package-info is @NullMarked") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				boolean marked = type.getPackage().isAnnotatedWith(NullMarked.class);
				events.add(new SimpleConditionEvent(type, marked,
						type.getPackageName() + " has no @NullMarked package-info (" + type.getName() + ")"));
			}
		};
	}

}
