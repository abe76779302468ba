package org.fabrique.bench.concurrency;

import io.javalin.Javalin;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fabrique.app.Workbench;
import org.fabrique.bench.corpus.SyntheticText;
import org.fabrique.core.Fabrique;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.CodingService.NewCode;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.history.HistoryEntry;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.user.Role;
import org.fabrique.core.user.User;
import org.fabrique.store.JdbcStore;
import org.fabrique.web.WebApp;
import org.fabrique.web.WebConfig;
import org.fabrique.web.auth.Authentication;

/**
 * Twenty coders working at once on one inquiry for five minutes, on SQLite and on PostgreSQL,
 * through the services (as the web app calls them) or, with {@code --http}, as users signed in to
 * the web app through its JSON API (the app started as {@code fabrique serve --auth local} would,
 * on 127.0.0.1, port 7100 for SQLite and 7101 for PostgreSQL): coding, recoding and removing
 * codings, renaming and moving codes, creating, using and deleting codes of their own, writing and
 * editing memos, and undoing. Each coder keeps a model of what its acknowledged actions (and undos)
 * must have left; at the end the database is compared with every model (lost writes), the codebook
 * checked to be a tree, and the history to hold one line per acknowledged action. Prints
 * throughput, p50/p99 latency, conflicts and retries.
 *
 * <pre>
 * java -cp fabrique-bench/target/fabrique-bench.jar \
 *     org.fabrique.bench.concurrency.ConcurrencyBenchmark [--http] [sqlite|postgresql|both] [seconds] [coders] [work dir]
 * </pre>
 */
public final class ConcurrencyBenchmark {
  private static final int SOURCES = 8;
  private static final int SOURCE_CHARACTERS = 20_000;
  private static final int SHARED_CODES = 12;
  private static final int GROUPS = 8;

  /** Loopback ports of the web app in the HTTP mode: SQLite's, then PostgreSQL's. */
  private static final int FIRST_PORT = 7100;

  private ConcurrencyBenchmark() {}

  public static void main(String[] arguments) throws Exception {
    List<String> given = new ArrayList<>(List.of(arguments));
    boolean http = given.remove("--http");
    String[] args = given.toArray(String[]::new);
    String which = args.length > 0 ? args[0] : "both";
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    int coders = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    Path work =
        args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("fabrique-concurrency");
    List<String> rows = new ArrayList<>();
    if (which.equals("sqlite") || which.equals("both")) {
      Path data = work.resolve("sqlite");
      try (Workbench workbench = Workbench.embedded(data)) {
        rows.add(run("SQLite", workbench, data, seconds, coders, http ? FIRST_PORT : 0));
      }
    }
    if (which.equals("postgresql") || which.equals("both")) {
      try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
        Path data = work.resolve("postgresql");
        String url = postgres.getJdbcUrl("postgres", "postgres");
        try (Workbench workbench =
            Workbench.open(
                data, Optional.of(url), Optional.of("postgres"), Optional.of("postgres"))) {
          rows.add(run("PostgreSQL", workbench, data, seconds, coders, http ? FIRST_PORT + 1 : 0));
        }
      }
    }
    System.out.println();
    System.out.println(
        (http ? "Over HTTP, as signed-in users" : "Through the services")
            + ", "
            + coders
            + " coders:");
    System.out.println(
        "| Database | Coders | Seconds | Actions | Actions/s | p50 ms | p99 ms | max ms | Conflicts"
            + " | Gave up | Refused | Retries | Partial undos | Set aside | Lost writes | Tree |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
  }

  /**
   * Runs the coders on one database: through the services when {@code port} is 0, else over HTTP
   * against the web app started on that port.
   */
  private static String run(
      String database, Workbench workbench, Path data, int seconds, int coders, int port)
      throws Exception {
    Fabrique fabrique = workbench.fabrique();
    String password = password();
    User owner =
        port == 0
            ? fabrique.users().defaultUser()
            : fabrique.users().add("owner", "Owner", password);
    Inquiry inquiry = fabrique.inquiries().create("Concurrency " + database, "benchmark");
    fabrique.members().put(inquiry.id(), owner.id(), Role.OWNER);
    SyntheticText text = new SyntheticText(42);
    List<Source> sources = new ArrayList<>();
    Path files = data.resolve("texts");
    Files.createDirectories(files);
    for (int i = 0; i < SOURCES; i++) {
      Path file = files.resolve("interview-" + i + ".txt");
      Files.writeString(file, text.prose(SOURCE_CHARACTERS), StandardCharsets.UTF_8);
      sources.add(
          fabrique
              .corpus()
              .importFile(
                  inquiry.id(), owner.id(), ImportRequest.of(file.getFileName().toString(), file)));
    }
    List<Code> groups = new ArrayList<>();
    for (int i = 0; i < GROUPS; i++) {
      groups.add(
          fabrique
              .coding()
              .createCode(inquiry.id(), owner.id(), NewCode.named("Group " + i).groupingOnly()));
    }
    List<Code> shared = new ArrayList<>();
    for (int i = 0; i < SHARED_CODES; i++) {
      shared.add(
          fabrique
              .coding()
              .createCode(
                  inquiry.id(),
                  owner.id(),
                  NewCode.named("Theme " + i).under(groups.get(i % GROUPS).id())));
    }
    List<User> users = new ArrayList<>();
    for (int i = 0; i < coders; i++) {
      User user =
          port == 0
              ? fabrique.users().ensure("coder" + i, "Coder " + i)
              : fabrique.users().add("coder" + i, "Coder " + i, password);
      // The mix renames, moves, creates and deletes codes: the codebook's structure is the
      // researchers' (a coder's role codes, recodes and writes memos only).
      fabrique.members().put(inquiry.id(), user.id(), Role.RESEARCHER);
      users.add(user);
    }
    Optional<Javalin> app = Optional.empty();
    if (port != 0) {
      app =
          Optional.of(
              WebApp.create(
                      fabrique,
                      WebConfig.defaults(data)
                          .withMaxUploadBytes(workbench.maxFileBytes())
                          .withAuthentication(Authentication.accounts()))
                  .start("127.0.0.1", port));
    }
    URI base = URI.create("http://127.0.0.1:" + port + "/");
    List<Coder> team = new ArrayList<>();
    for (int i = 0; i < coders; i++) {
      User user = users.get(i);
      Code own =
          fabrique
              .coding()
              .createCode(
                  inquiry.id(),
                  owner.id(),
                  NewCode.named("Own " + i).under(groups.get(i % GROUPS).id()));
      team.add(
          new Coder(
              port == 0
                  ? new ServiceActions(fabrique, inquiry.id(), user.id())
                  : HttpActions.signIn(base, inquiry.id().value(), user.login(), password),
              user,
              own,
              sources,
              shared.stream().map(Code::id).toList(),
              groups.stream().map(Code::id).toList(),
              1000L + i));
    }
    long retriesBefore = ((JdbcStore) fabrique.store()).serializationRetries();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(coders);
    long started = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (Coder coder : team) {
      running.add(pool.submit(() -> coder.work(deadline)));
    }
    for (Future<?> future : running) {
      future.get();
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    app.ifPresent(Javalin::stop);
    long retries = ((JdbcStore) fabrique.store()).serializationRetries() - retriesBefore;

    Verification verification = verify(fabrique, inquiry, team);
    long[] latencies =
        team.stream().flatMapToLong(c -> Arrays.stream(c.latencies())).sorted().toArray();
    long actions = latencies.length;
    long conflicts = team.stream().mapToLong(c -> c.conflicts).sum();
    long gaveUp = team.stream().mapToLong(c -> c.gaveUp).sum();
    Map<String, Integer> reasons = new HashMap<>();
    team.forEach(c -> c.conflictReasons.forEach((k, v) -> reasons.merge(k, v, Integer::sum)));
    long refused = team.stream().mapToLong(c -> c.refused).sum();
    long partial = team.stream().mapToLong(c -> c.partialUndos).sum();
    long setAside = team.stream().mapToLong(c -> c.setAside).sum();
    long errors = team.stream().mapToLong(c -> c.errors).sum();
    Map<String, Integer> errorReasons = new HashMap<>();
    team.forEach(c -> c.errorReasons.forEach((k, v) -> errorReasons.merge(k, v, Integer::sum)));
    String row =
        String.format(
            Locale.ROOT,
            "| %s | %d | %.0f | %d | %.0f | %.1f | %.1f | %.1f | %d | %d | %d | %d | %d | %d | %d | %s |",
            database,
            coders,
            elapsed,
            actions,
            actions / elapsed,
            percentile(latencies, 0.50) / 1e6,
            percentile(latencies, 0.99) / 1e6,
            latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6,
            conflicts,
            gaveUp,
            refused,
            retries,
            partial,
            setAside,
            verification.lostWrites(),
            verification.tree() ? "yes" : "NO");
    System.out.println(row);
    reasons.forEach((reason, n) -> System.out.println("  conflict x" + n + ": " + reason));
    if (errors > 0) {
      System.out.println("  UNEXPECTED ANSWERS: " + errors);
      errorReasons.forEach((reason, n) -> System.out.println("  error x" + n + ": " + reason));
    }
    verification.details().forEach(d -> System.out.println("  " + d));
    return row;
  }

  /** A password for the benchmark's accounts, new at each run. */
  private static String password() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
  }

  /** What the database holds compared with what the coders were told. */
  record Verification(long lostWrites, boolean tree, List<String> details) {}

  private static Verification verify(Fabrique fabrique, Inquiry inquiry, List<Coder> team) {
    List<String> details = new ArrayList<>();
    long lost = 0;
    Map<Long, Map<Long, Long>> codingsByCoder = new HashMap<>();
    fabrique
        .store()
        .inTransaction(
            tx -> {
              tx.coding()
                  .forEachSpan(
                      inquiry.id(),
                      span ->
                          codingsByCoder
                              .computeIfAbsent(span.coderId().value(), k -> new HashMap<>())
                              .put(span.codingId().value(), span.codeId().value()));
              return null;
            });
    List<Code> codes = fabrique.coding().codes(inquiry.id());
    Map<CodeId, Code> byId = new HashMap<>();
    codes.forEach(c -> byId.put(c.id(), c));
    Map<Long, Map<Long, String>> memosByAuthor = new HashMap<>();
    fabrique
        .memos()
        .list(inquiry.id())
        .forEach(
            m ->
                memosByAuthor
                    .computeIfAbsent(m.authorId().value(), k -> new HashMap<>())
                    .put(m.id().value(), m.body()));
    Map<Long, long[]> linesByUser = new HashMap<>();
    for (HistoryEntry line : fabrique.history().recent(inquiry.id(), Integer.MAX_VALUE)) {
      long[] counts = linesByUser.computeIfAbsent(line.userId().value(), k -> new long[2]);
      counts[line.kind() == HistoryEntry.Kind.UNDO ? 1 : 0] +=
          line.kind() == HistoryEntry.Kind.REDO ? 0 : 1;
    }
    for (Coder coder : team) {
      long user = coder.user.id().value();
      lost +=
          difference(
              details,
              coder.user.login() + " codings",
              coder.model.codings,
              codingsByCoder.getOrDefault(user, Map.of()));
      lost +=
          difference(
              details,
              coder.user.login() + " memos",
              coder.model.memos,
              memosByAuthor.getOrDefault(user, Map.of()));
      String name = Optional.ofNullable(byId.get(coder.own.id())).map(Code::name).orElse("(gone)");
      if (!name.equals(coder.model.ownName)) {
        lost++;
        details.add(
            coder.user.login() + " own code named " + name + ", expected " + coder.model.ownName);
      }
      for (Long scratch : coder.model.scratch) {
        if (!byId.containsKey(new CodeId(scratch))) {
          lost++;
          details.add(coder.user.login() + " scratch code " + scratch + " missing");
        }
      }
      long[] lines = linesByUser.getOrDefault(user, new long[2]);
      // one DO line per acknowledged action, one UNDO line per undo that undid something
      if (lines[0] != coder.acknowledged || lines[1] != coder.undos - coder.setAside) {
        lost++;
        details.add(
            String.format(
                Locale.ROOT,
                "%s history: %d actions and %d undos recorded, %d and %d acknowledged",
                coder.user.login(),
                lines[0],
                lines[1],
                coder.acknowledged,
                coder.undos - coder.setAside));
      }
    }
    boolean tree = isATree(byId);
    if (!tree) {
      details.add("the codebook is not a tree");
    }
    return new Verification(lost, tree, details);
  }

  private static <V> long difference(
      List<String> details, String what, Map<Long, V> expected, Map<Long, V> stored) {
    long differences = 0;
    Set<Long> keys = new HashSet<>(expected.keySet());
    keys.addAll(stored.keySet());
    for (Long key : keys) {
      if (!java.util.Objects.equals(expected.get(key), stored.get(key))) {
        differences++;
        if (details.size() < 40) {
          details.add(
              what + ": " + key + " expected " + expected.get(key) + ", stored " + stored.get(key));
        }
      }
    }
    return differences;
  }

  private static boolean isATree(Map<CodeId, Code> byId) {
    for (Code code : byId.values()) {
      Set<CodeId> seen = new HashSet<>();
      Optional<CodeId> at = Optional.of(code.id());
      while (at.isPresent()) {
        if (!seen.add(at.get()) || !byId.containsKey(at.get())) {
          return false;
        }
        at = byId.get(at.get()).parentId();
      }
    }
    return true;
  }
}
