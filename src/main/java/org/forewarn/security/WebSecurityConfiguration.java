package org.forewarn.security;

import java.time.Clock;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One filter chain per entry point. Webhooks and the unsubscribe link are public (each request is signed and checked
 * by its controller), so machines never depend on sign-in settings. {@code /actuator/health} is public with status
 * only. {@code /api/**} is stateless: an API token or HTTP Basic, a role per endpoint, JSON bodies only. Everything
 * else is for browsers: form login (and OpenID Connect when configured), a session, CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSecurityConfiguration {

	private static final String SUPPORT = Role.SUPPORT.name();
	private static final String REVIEWER = Role.REVIEWER.name();
	private static final String RULES = Role.RULES.name();
	private static final String INTAKE = Role.INTAKE.name();
	private static final String METRICS = Role.METRICS.name();
	private static final String PRIVACY = Role.PRIVACY.name();
	private static final String ADMIN = Role.ADMIN.name();

	@Bean
	@Order(1)
	SecurityFilterChain signedRequests(HttpSecurity http) throws Exception {
		return http.securityMatcher("/webhooks/**", "/unsubscribe")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			// the unsubscribe page is one form posting to itself
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")))
			.build();
	}

	/** Anyone sees whether Forewarn is up; details (channels, database) need the admin role, checked by Boot. */
	@Bean
	@Order(2)
	SecurityFilterChain health(HttpSecurity http, AccountStore accounts, SignInThrottle throttle) throws Exception {
		ApiEntryPoint entryPoint = new ApiEntryPoint();
		return http.securityMatcher("/actuator/health", "/actuator/health/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
			.addFilterBefore(SignInThrottleFilter.basic(throttle), BasicAuthenticationFilter.class)
			.addFilterBefore(new BearerTokenFilter(accounts, entryPoint), BasicAuthenticationFilter.class)
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.build();
	}

	@Bean
	@Order(4)
	SecurityFilterChain api(HttpSecurity http, AccountStore accounts, SignInThrottle throttle) throws Exception {
		ApiEntryPoint entryPoint = new ApiEntryPoint();
		return http.securityMatcher("/api/**", "/actuator/**")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.POST, "/api/events").hasRole(INTAKE)
				.requestMatchers(HttpMethod.POST, "/api/outreach/*/approve", "/api/outreach/*/reject")
				.hasRole(REVIEWER)
				// needs a person: sending a failure again or letting it be
				.requestMatchers(HttpMethod.POST, "/api/outreach/*/resend", "/api/outreach/*/acknowledge",
						"/api/outreach/resend", "/api/outreach/acknowledge")
				.hasRole(REVIEWER)
				.requestMatchers(HttpMethod.GET, "/api/outreach/*/preview").hasRole(REVIEWER)
				.requestMatchers(HttpMethod.GET, "/api/outreach", "/api/outreach/failed", "/api/outreach/*/history",
						"/api/outreach/*/attempts", "/api/followups", "/api/followups/summary",
						"/api/customers/*/timeline", "/api/customers/timeline")
				.hasRole(SUPPORT)
				// every signed-in user changes their own password
				.requestMatchers(HttpMethod.POST, "/api/me/password").authenticated()
				.requestMatchers(HttpMethod.POST, "/api/followups/*/claim", "/api/followups/*/resolve",
						"/api/followups/*/dismiss")
				.hasRole(SUPPORT)
				// the brake: reviewers pause and resume (a storm is their decision), support sees what is paused
				.requestMatchers(HttpMethod.POST, "/api/pauses").hasRole(REVIEWER)
				.requestMatchers(HttpMethod.DELETE, "/api/pauses/*/*").hasRole(REVIEWER)
				.requestMatchers(HttpMethod.GET, "/api/pauses").hasRole(SUPPORT)
				.requestMatchers(HttpMethod.GET, "/api/outcomes").hasAnyRole(SUPPORT, RULES)
				// the do-not-contact list: support looks up why someone is not contacted; reviewers change it
				.requestMatchers(HttpMethod.GET, "/api/suppressions").hasRole(SUPPORT)
				.requestMatchers(HttpMethod.POST, "/api/suppressions", "/api/suppressions/import").hasRole(REVIEWER)
				.requestMatchers(HttpMethod.DELETE, "/api/suppressions/*/*").hasRole(REVIEWER)
				.requestMatchers(HttpMethod.GET, "/api/rules").hasRole(RULES)
				.requestMatchers(HttpMethod.POST, "/api/rules/reload").hasRole(RULES)
				.requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasRole(METRICS)
				.requestMatchers(HttpMethod.GET, "/api/customers/*/export", "/api/customers/export").hasRole(PRIVACY)
				.requestMatchers(HttpMethod.DELETE, "/api/customers/*", "/api/customers").hasRole(PRIVACY)
				// users, tokens, other actuator endpoints and anything added later without a rule here
				.anyRequest().hasRole(ADMIN))
			.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
			.addFilterBefore(SignInThrottleFilter.basic(throttle), BasicAuthenticationFilter.class)
			.addFilterBefore(new BearerTokenFilter(accounts, entryPoint), BasicAuthenticationFilter.class)
			.addFilterAfter(new JsonBodyFilter(), AuthorizationFilter.class)
			.exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(ErrorJson.accessDenied()))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.build();
	}

	/**
	 * The API description ({@code /v3/api-docs}) and Swagger UI, for anyone signed in, whatever the role: not
	 * secret, but not for strangers either. A browser's session works (Swagger UI), and so do tokens and Basic
	 * (scripts, code generators); a browser that has not signed in is sent to the sign-in page.
	 */
	@Bean
	@Order(3)
	SecurityFilterChain apiDocs(HttpSecurity http, AccountStore accounts, SignInThrottle throttle) throws Exception {
		ApiEntryPoint entryPoint = new ApiEntryPoint();
		return http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.addFilterAfter(new SignedInAccountCheck(accounts), SecurityContextHolderFilter.class)
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
			.addFilterBefore(SignInThrottleFilter.basic(throttle), BasicAuthenticationFilter.class)
			.addFilterBefore(new BearerTokenFilter(accounts, entryPoint), BasicAuthenticationFilter.class)
			.exceptionHandling(errors -> errors
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
						PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"))
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
						PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"))
				.defaultAuthenticationEntryPointFor(entryPoint, AnyRequestMatcher.INSTANCE))
			.build();
	}

	/**
	 * Browsers: the console. Its own sign-in page with Forewarn's users, and single sign-on through OpenID Connect
	 * when a {@code spring.security.oauth2.client} registration is configured (roles from
	 * {@code forewarn.security.oidc.roles-claim}); a session, CSRF protection on every change, and a role per page
	 * (the same roles as the API's). A user signed in without any role may see nothing (403). Unknown paths are for
	 * admins, like the API's.
	 */
	/** What the console's pages may load and run: their own stylesheet and script, nothing inline, no frames. */
	static final String CONSOLE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	@Order(5)
	SecurityFilterChain browser(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> registrations,
			SecuritySettings settings, AccountStore accounts, SignInThrottle throttle) throws Exception {
		SignedInAccountCheck accountCheck = new SignedInAccountCheck(accounts);
		http.addFilterAfter(accountCheck, SecurityContextHolderFilter.class);
		http.addFilterBefore(SignInThrottleFilter.signInForm(throttle), UsernamePasswordAuthenticationFilter.class);
		http.authorizeHttpRequests(requests -> requests
			// error pages rendered for the other chains' requests (their access was decided there)
			.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
			// asked for directly, the error path has no error to show: it would answer 500 with status 999
			.requestMatchers("/error", "/error/**").denyAll()
			.requestMatchers(HttpMethod.GET, "/login", "/console.css", "/console.js", "/favicon.ico").permitAll()
			.requestMatchers("/review", "/review/**").hasRole(REVIEWER)
			.requestMatchers(HttpMethod.POST, "/needs-a-person").hasRole(REVIEWER)
			.requestMatchers("/rules", "/rules/**").hasRole(RULES)
			// the do-not-contact list and the brake: support reads, reviewers change (as in the API)
			.requestMatchers(HttpMethod.GET, "/suppressions", "/pauses").hasRole(SUPPORT)
			.requestMatchers(HttpMethod.POST, "/suppressions", "/suppressions/lift", "/suppressions/import", "/pauses",
					"/pauses/resume")
			.hasRole(REVIEWER)
			// data protection on a page of its own: privacy users do not see the support pages and timelines
			.requestMatchers("/privacy", "/privacy/**").hasRole(PRIVACY)
			.requestMatchers(HttpMethod.GET, "/outcomes").hasAnyRole(SUPPORT, RULES)
			.requestMatchers("/followups", "/followups/**", "/customers", "/customers/**", "/outreach",
					"/needs-a-person")
			.hasRole(SUPPORT)
			// Today: figures only; each role sees the part of it (and the navigation) its roles allow
			.requestMatchers(HttpMethod.GET, "/", "/me")
			.hasAnyRole(SUPPORT, REVIEWER, RULES, INTAKE, METRICS, PRIVACY, ADMIN)
			.anyRequest().hasRole(ADMIN))
			.formLogin(form -> form.loginPage("/login").permitAll().successHandler(accountCheck.onSignIn()))
			.logout(logout -> logout.logoutSuccessUrl("/login?signed-out"))
			// a page's address names a customer: it stays on this site
			.headers(headers -> headers.referrerPolicy(policy -> policy.policy(ReferrerPolicy.SAME_ORIGIN))
				// the pages load their script and style from this site only: text that slipped past escaping runs nowhere
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONSOLE_POLICY)));
		if (registrations.getIfAvailable() != null) {
			OidcRoles roles = new OidcRoles(settings.oidc().rolesClaim());
			http.oauth2Login(login -> login.loginPage("/login")
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(roles)));
		}
		return http.build();
	}

	@Bean
	SignInThrottle signInThrottle(Clock clock) {
		return new SignInThrottle(clock);
	}

	@Bean
	InitialAdmin initialAdmin(AccountStore accounts, SecuritySettings settings, TransactionTemplate transaction) {
		return new InitialAdmin(accounts, settings, transaction);
	}
}
