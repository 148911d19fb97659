package org.forewarn.security;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Accounts and what each role includes; the web side (who may call what) is {@link WebSecurityConfiguration}. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** BCrypt, with the algorithm named in each stored hash ({@code {bcrypt}...}) so it can change later. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AccountStore accountStore(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
		return new AccountStore(jdbc, passwords, clock);
	}

	@Bean
	UserDetailsService users(AccountStore accounts) {
		return name -> accounts.findUser(name)
			.map(a -> User.withUsername(a.name()).password(a.passwordHash()).authorities(authorities(a.roles()))
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("no user " + name));
	}

	/** admin includes every role; reviewer includes support. */
	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Role.ADMIN.name()).implies(Role.REVIEWER.name(), Role.RULES.name(), Role.INTAKE.name(),
					Role.METRICS.name(), Role.PRIVACY.name())
			.role(Role.REVIEWER.name()).implies(Role.SUPPORT.name())
			.build();
	}

	static List<GrantedAuthority> authorities(Set<Role> roles) {
		return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
	}
}
