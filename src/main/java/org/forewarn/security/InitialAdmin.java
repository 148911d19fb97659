package org.forewarn.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a first start with no user, creates {@code admin} with every role: with the password of
 * {@code forewarn.security.initial-admin-password}, or a generated one written to a file only this system user can
 * read (the log names the file, never the password). Runs before the server takes requests.
 */
final class InitialAdmin implements InitializingBean {

	static final String NAME = "admin";
	private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

	private final AccountStore accounts;
	private final SecuritySettings settings;
	private final TransactionTemplate transaction;

	InitialAdmin(AccountStore accounts, SecuritySettings settings, TransactionTemplate transaction) {
		this.accounts = accounts;
		this.settings = settings;
		this.transaction = transaction;
	}

	@Override
	public void afterPropertiesSet() {
		if (accounts.userCount() > 0) {
			return;
		}
		String given = settings.initialAdminPassword();
		boolean generate = given == null || given.isEmpty();
		String password = generate ? generated() : given;
		try {
			// the user and its password file go together: a user nobody can sign in as is never left behind
			transaction.executeWithoutResult(tx -> {
				accounts.addUser(NAME, password, EnumSet.allOf(Role.class), "first start");
				if (generate) {
					write(settings.initialAdminPasswordFile(), password);
				}
			});
		}
		catch (IllegalArgumentException | DataIntegrityViolationException e) {
			log.info("Another instance created the first user meanwhile; using it");
			return;
		}
		if (generate) {
			log.warn("Created user '{}' with every role. Its generated password is in {} (readable by this system "
					+ "user only). Or set forewarn.security.initial-admin-password before the first start.", NAME,
					settings.initialAdminPasswordFile().toAbsolutePath());
		}
		else {
			log.info("Created user '{}' with every role, its password from forewarn.security.initial-admin-password",
					NAME);
		}
	}

	private static String generated() {
		byte[] random = new byte[18];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	/** Written to a new owner-only file, then moved into place: the password is never readable by others. */
	private static void write(Path file, String password) {
		try {
			Path folder = file.toAbsolutePath().getParent();
			Files.createDirectories(folder);
			Path temporary;
			if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				temporary = Files.createTempFile(folder, ".initial-admin-password", ".tmp",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			else {
				temporary = Files.createTempFile(folder, ".initial-admin-password", ".tmp");
				java.io.File f = temporary.toFile();
				f.setReadable(false, false);
				f.setWritable(false, false);
				f.setReadable(true, true);
				f.setWritable(true, true);
			}
			Files.writeString(temporary, password + System.lineSeparator(), StandardCharsets.UTF_8);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not write the initial admin password to " + file.toAbsolutePath()
					+ " (" + e.getMessage() + "); make forewarn.security.data-folder writable, or set "
					+ "forewarn.security.initial-admin-password", e);
		}
	}
}
