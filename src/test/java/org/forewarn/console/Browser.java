package org.forewarn.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium driven through Debian's chromedriver: nothing is downloaded (the driver and the browser are
 * given by path, so Selenium Manager never runs), a fresh profile per browser, screenshots under
 * {@code target/console-screenshots/}.
 */
final class Browser implements AutoCloseable {

	static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
	private static final String DRIVER = "/usr/bin/chromedriver";
	private static final String CHROMIUM = "/usr/bin/chromium";

	private final ChromeDriver driver;
	private final Path profile;
	private final String base;

	Browser(int port) throws IOException {
		if (!Files.isExecutable(Path.of(DRIVER)) || !Files.isExecutable(Path.of(CHROMIUM))) {
			throw new IllegalStateException("the console's browser tests need Debian's chromium and chromium-driver: "
					+ "apt-get install -y chromium chromium-driver (.ci/run installs them)");
		}
		this.profile = Files.createTempDirectory("forewarn-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
			.usingAnyFreePort().build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
		this.base = "http://localhost:" + port;
	}

	void open(String path) {
		driver.get(base + path);
	}

	String path() {
		return driver.getCurrentUrl().substring(base.length());
	}

	void signIn(String user, String password) {
		open("/login");
		find(By.id("username")).sendKeys(user);
		find(By.id("password")).sendKeys(password);
		WebElement button = find(By.id("sign-in"));
		button.click();
		waitUntilGone(button);
	}

	void signOut() {
		WebElement button = find(By.id("sign-out"));
		button.click();
		waitUntilGone(button);
	}

	/** The value of a cookie the browser holds for Forewarn (the session), to fetch a download as the browser would. */
	String cookie(String name) {
		return driver.manage().getCookieNamed(name).getValue();
	}

	String base() {
		return base;
	}

	/** Clicks a button or link that leaves the page and waits for the next one, so what is found next is on it. */
	void clickAndWait(WebElement element) {
		element.click();
		waitUntilGone(element);
	}

	/**
	 * Waits for the next page: until an element of this one is gone (a form posted, then redirected) and the new one
	 * has finished loading, so that nothing read next belongs to a page still being replaced.
	 */
	void waitUntilGone(WebElement element) {
		org.openqa.selenium.support.ui.WebDriverWait wait = new org.openqa.selenium.support.ui.WebDriverWait(driver,
				Duration.ofSeconds(10));
		wait.until(page -> gone(element));
		wait.until(page -> "complete".equals(
				((org.openqa.selenium.JavascriptExecutor) page).executeScript("return document.readyState")));
	}

	/**
	 * Whether the element left the document. Besides a stale reference, Chromium may answer a node removed while the
	 * page is replaced with "Node with given id does not belong to the document": gone too.
	 */
	private static boolean gone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException e) {
			return true;
		}
		catch (WebDriverException e) {
			if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
				return true;
			}
			throw e;
		}
	}

	/** Sets a field's value as a script would, past what the page allows typing (its maxlength). */
	void setValue(WebElement field, String value) {
		driver.executeScript("arguments[0].value = arguments[1];", field, value);
	}

	WebElement find(By by) {
		return driver.findElement(by);
	}

	boolean present(By by) {
		return !driver.findElements(by).isEmpty();
	}

	String text() {
		return driver.findElement(By.tagName("body")).getText();
	}

	String title() {
		return driver.getTitle();
	}

	/** Saves what the browser shows as {@code target/console-screenshots/NAME.png}. */
	Path screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Path target = SCREENSHOTS.resolve(name + ".png");
		Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
		return target;
	}

	@Override
	public void close() throws IOException {
		driver.quit();
		try (var files = Files.walk(profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}
}
