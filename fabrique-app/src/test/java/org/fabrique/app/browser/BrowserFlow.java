package org.fabrique.app.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.fabrique.app.Workbench;
import org.fabrique.core.Fabrique;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.user.User;
import org.fabrique.web.WebApp;
import org.fabrique.web.WebConfig;
import org.junit.jupiter.params.provider.Arguments;

/**
 * What every browser test of a flow starts from: a workbench on a fresh data directory, the web app
 * on a free port of this machine and, once asked, headless Chromium at a width and in a language.
 * One flow serves a whole test class: each run of the flow (a width and a language) makes the data
 * it needs, and the browser, started once, is only resized and switched to the run's language.
 * Skipped (not failed) where Chromium or its driver is not installed ({@code apt-get install
 * chromium chromium-driver}).
 */
final class BrowserFlow implements AutoCloseable {
  /** Every width and language a flow runs at, for {@code @MethodSource}. */
  static final String PAIRS = "org.fabrique.app.browser.BrowserFlow#pairs";

  private final Path dir;
  private Workbench workbench;
  private Javalin app;
  private int generation;
  private BrowserSession browser;

  BrowserFlow(Path dir) {
    assumeTrue(BrowserSession.available(), "Chromium is not installed");
    this.dir = dir;
    start();
  }

  /** 1400 and 768 pixels, each in French and English. */
  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of(1400, "fr"),
        Arguments.of(1400, "en"),
        Arguments.of(768, "fr"),
        Arguments.of(768, "en"));
  }

  private void start() {
    Path data = dir.resolve("data-" + generation++);
    workbench = Workbench.embedded(data);
    app = WebApp.create(workbench.fabrique(), WebConfig.defaults(data));
    app.start("127.0.0.1", 0);
  }

  /**
   * An empty workbench again, for a flow that starts from nothing: the web app and its workbench
   * are started again on a new data directory (there is no deleting an inquiry); the browser stays.
   */
  void emptyWorkbench() {
    app.stop();
    workbench.close();
    start();
    if (browser != null) {
      // The session of the server before is unknown to this one.
      browser.driver.manage().deleteAllCookies();
    }
  }

  Fabrique fabrique() {
    return workbench.fabrique();
  }

  User me() {
    return fabrique().users().defaultUser();
  }

  /** An interview transcript imported into an inquiry by the local user, as entretien.txt. */
  Source interview(Inquiry inquiry, String text) throws IOException {
    Path file = dir.resolve("entretien.txt");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return fabrique()
        .corpus()
        .importFile(inquiry.id(), me().id(), ImportRequest.of("entretien.txt", file));
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
    String name = flow + "-" + width + "-" + lang;
    if (browser == null) {
      browser = new BrowserSession(name, width, lang, dir.resolve("profile"));
    } else {
      browser.as(name, width);
    }
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
