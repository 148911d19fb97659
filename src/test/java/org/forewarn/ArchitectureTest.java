package org.forewarn;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Keeps the feature packages honest: who may talk to providers, what rule facts may know, no cycles. */
class ArchitectureTest {

	static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.forewarn");
	}

	@Test
	void onlyChannelsTouchTwilioAndJakartaMail() {
		// the bounce mailbox reads reports over IMAP: Jakarta Mail, but never to send
		noClasses().that().resideOutsideOfPackages("org.forewarn.channel..", "org.forewarn.bounce..")
			.should().dependOnClassesThat().resideInAnyPackage("com.twilio..", "jakarta.mail..")
			.check(classes);
		noClasses().that().resideInAPackage("org.forewarn.bounce..")
			.should().dependOnClassesThat().resideInAnyPackage("com.twilio..", "org.eclipse.angus.mail.smtp..")
			.orShould().dependOnClassesThat().areAssignableTo(jakarta.mail.Transport.class)
			.check(classes);
	}

	@Test
	void ruleFactsAndDecisionsKnowNothingOfSpring() {
		// org.forewarn.rules.reload is the Spring side of the rules: reloading and its API; stores and their settings
		// are not facts
		noClasses().that().resideInAnyPackage("org.forewarn.customer..", "org.forewarn.rules")
			.and().haveSimpleNameNotEndingWith("Store").and().haveSimpleNameNotEndingWith("Settings")
			.should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
			.check(classes);
	}

	@Test
	void rulesNeitherSendNorSchedule() {
		noClasses().that().resideInAnyPackage("org.forewarn.rules..", "org.forewarn.customer..")
			.should().dependOnClassesThat().resideInAnyPackage("org.forewarn.channel..", "org.forewarn.outreach..",
					"org.forewarn.engine..", "org.quartz..")
			.check(classes);
	}

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("org.forewarn.(*)..").should().beFreeOfCycles().check(classes);
	}
}
