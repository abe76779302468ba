package org.fabrique.app.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.javalin.Javalin;
import java.nio.file.Path;
import org.fabrique.app.Workbench;
import org.fabrique.core.Fabrique;
import org.fabrique.core.user.User;
import org.fabrique.web.WebApp;
import org.fabrique.web.WebConfig;

/**
 * What every browser test of a flow starts from: a workbench on a fresh data directory, the web app
 * on a free port of this machine and, once asked, headless Chromium at a width and in a language.
 * Skipped (not failed) where Chromium or its driver is not installed ({@code apt-get install
 * chromium chromium-driver}).
 */
final class BrowserFlow implements AutoCloseable {
  private final Path dir;
  private final Workbench workbench;
  private final Javalin app;
  private BrowserSession browser;

  BrowserFlow(Path dir) {
    assumeTrue(BrowserSession.available(), "Chromium is not installed");
    this.dir = dir;
    this.workbench = Workbench.embedded(dir.resolve("data"));
    this.app = WebApp.create(workbench.fabrique(), WebConfig.defaults(dir.resolve("data")));
    app.start("127.0.0.1", 0);
  }

  Fabrique fabrique() {
    return workbench.fabrique();
  }

  User me() {
    return fabrique().users().defaultUser();
  }

  String base() {
    return "http://127.0.0.1:" + app.port();
  }

  /**
   * Chromium at this width, the interface switched to this language, on this page.
   *
   * @param flow names the screenshots, with the width and the language
   */
  BrowserSession open(String flow, int width, String lang, String path) {
    browser =
        new BrowserSession(flow + "-" + width + "-" + lang, width, lang, dir.resolve("profile"));
    browser.driver.get(base() + "/lang/" + lang + "?back=" + path);
    return browser;
  }

  @Override
  public void close() {
    if (browser != null) {
      browser.close();
    }
    app.stop();
    workbench.close();
  }
}
