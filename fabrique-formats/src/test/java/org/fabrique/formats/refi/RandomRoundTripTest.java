package org.fabrique.formats.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.fabrique.core.Fabrique;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeScope;
import org.fabrique.core.attribute.AttributeType;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodedSpan;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.ImportProgress;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceMetadata;
import org.fabrique.core.exchange.ImportedProject;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.link.LinkDirection;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.user.User;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated inquiries survive export and import: random nested codes, sources with CRLF line ends,
 * emoji and combining characters, overlapping segments coded by two coders, memos on everything,
 * cases with typed attributes, sets and links. Prints its seed; replay with -Dfabrique.seed=N.
 */
class RandomRoundTripTest {
  private static final String[] WORDS = {
    "cohorte",
    "registre",
    "consentement",
    "pseudonymisation",
    "données",
    "réutilisation",
    "comité",
    "😀",
    "🧬",
    "q\u0307",
    "ŋ\u0323",
    "\u0915\u094d\u0937",
    "naïve",
    "Ωmega",
    "data"
  };

  @TempDir Path folder;

  @RepeatedTest(3)
  void aGeneratedInquiryComesBackTheSame() {
    long seed = Long.getLong("fabrique.seed", new Random().nextLong());
    System.out.println(
        "RandomRoundTripTest seed: " + seed + " (replay with -Dfabrique.seed=" + seed + ")");
    Random random = new Random(seed);
    TestWorkbench bench = new TestWorkbench(folder);
    Fabrique fabrique = bench.fabrique;
    User ana = bench.user;
    User bo = fabrique.users().ensure("bo", "Bo Coder");
    InquiryId inquiry = fabrique.inquiries().create("Generated " + seed, "Seed " + seed).id();

    List<Code> codes = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      var request = CodingService.NewCode.named("code " + i + " " + word(random));
      if (!codes.isEmpty() && random.nextBoolean()) {
        request = request.under(codes.get(random.nextInt(codes.size())).id());
      }
      if (random.nextBoolean()) {
        request = request.coloured(String.format(Locale.ROOT, "#%06x", random.nextInt(0x1000000)));
      }
      if (random.nextInt(3) == 0) {
        request = request.describedAs("about " + word(random));
      }
      codes.add(fabrique.coding().createCode(inquiry, ana.id(), request));
    }
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Domain domain = Domain.values()[random.nextInt(Domain.values().length)];
      cases.add(fabrique.inquiries().createCase(inquiry, ana.id(), "case " + i, domain, "d" + i));
    }
    List<Source> sources = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Path file = folder.resolve("source" + i + ".txt");
      write(file, text(random));
      Source source =
          fabrique
              .corpus()
              .importFile(inquiry, ana.id(), ImportRequest.of(file.getFileName().toString(), file));
      if (random.nextBoolean()) {
        Case theCase = cases.get(random.nextInt(cases.size()));
        SourceMetadata m = source.metadata();
        source =
            fabrique
                .corpus()
                .updateMetadata(
                    ana.id(),
                    source.id(),
                    new SourceMetadata(
                        m.title(),
                        m.kind(),
                        m.date(),
                        m.language(),
                        Optional.of(theCase.id()),
                        m.confidentiality()));
      }
      sources.add(source);
    }
    List<Code> codable = codes.stream().filter(Code::codable).toList();
    List<CodedSpan> spans = new ArrayList<>();
    for (Source source : sources) {
      PlainText text = fabrique.corpus().text(source.id());
      for (int i = 0; i < 15; i++) {
        int start = random.nextInt(text.length() - 1);
        int end = start + 1 + random.nextInt(Math.min(40, text.length() - start));
        User coder = random.nextBoolean() ? ana : bo;
        Code code = codable.get(random.nextInt(codable.size()));
        boolean taken =
            fabrique.coding().spans(source.id(), start, end).stream()
                .anyMatch(
                    s ->
                        s.start() == start
                            && s.end() == end
                            && s.codeId().equals(code.id())
                            && s.coderId().equals(coder.id()));
        if (!taken) {
          spans.add(fabrique.coding().code(coder.id(), source.id(), start, end, code.id()));
        }
      }
    }
    List<ItemRef> targets = new ArrayList<>();
    targets.add(new ItemRef(ItemKind.INQUIRY, inquiry.value()));
    sources.forEach(s -> targets.add(new ItemRef(ItemKind.SOURCE, s.id().value())));
    codes.forEach(c -> targets.add(new ItemRef(ItemKind.CODE, c.id().value())));
    cases.forEach(c -> targets.add(new ItemRef(ItemKind.CASE, c.id().value())));
    spans.forEach(s -> targets.add(new ItemRef(ItemKind.SEGMENT, s.segmentId().value())));
    spans.forEach(s -> targets.add(new ItemRef(ItemKind.CODING, s.codingId().value())));
    List<Memo> memos = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ItemRef target = targets.get(random.nextInt(targets.size()));
      memos.add(
          fabrique
              .memos()
              .write(
                  inquiry,
                  random.nextBoolean() ? ana.id() : bo.id(),
                  target,
                  random.nextInt(4) == 0 ? "" : "memo " + i,
                  "Line one " + word(random) + "\nline two"));
    }
    AttributeDefinition role =
        fabrique
            .attributes()
            .define(inquiry, ana.id(), "Role", AttributeType.TEXT, AttributeScope.CASE, "");
    AttributeDefinition size =
        fabrique
            .attributes()
            .define(
                inquiry, ana.id(), "Size", AttributeType.INTEGER, AttributeScope.CASE, "people");
    AttributeDefinition sourceRole =
        fabrique
            .attributes()
            .define(inquiry, ana.id(), "Role", AttributeType.TEXT, AttributeScope.SOURCE, "");
    AttributeDefinition recorded =
        fabrique
            .attributes()
            .define(inquiry, ana.id(), "Recorded", AttributeType.DATE, AttributeScope.SOURCE, "");
    AttributeDefinition transcribed =
        fabrique
            .attributes()
            .define(
                inquiry, ana.id(), "Transcribed", AttributeType.BOOLEAN, AttributeScope.SOURCE, "");
    AttributeDefinition hours =
        fabrique
            .attributes()
            .define(inquiry, ana.id(), "Hours", AttributeType.DECIMAL, AttributeScope.SOURCE, "");
    for (Case c : cases) {
      fabrique.attributes().setValue(ana.id(), role.id(), c.id().value(), word(random));
      fabrique
          .attributes()
          .setValue(ana.id(), size.id(), c.id().value(), Integer.toString(random.nextInt(5000)));
    }
    for (Source s : sources) {
      fabrique.attributes().setValue(ana.id(), sourceRole.id(), s.id().value(), word(random));
      fabrique
          .attributes()
          .setValue(
              ana.id(),
              recorded.id(),
              s.id().value(),
              "2024-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10));
      fabrique
          .attributes()
          .setValue(
              ana.id(), transcribed.id(), s.id().value(), Boolean.toString(random.nextBoolean()));
      fabrique
          .attributes()
          .setValue(
              ana.id(),
              hours.id(),
              s.id().value(),
              random.nextInt(10) + "." + random.nextInt(10) + "5");
    }
    List<ItemRef> members = new ArrayList<>();
    codes.forEach(c -> members.add(new ItemRef(ItemKind.CODE, c.id().value())));
    sources.forEach(s -> members.add(new ItemRef(ItemKind.SOURCE, s.id().value())));
    memos.forEach(m -> members.add(new ItemRef(ItemKind.MEMO, m.id().value())));
    for (int i = 0; i < 3; i++) {
      List<ItemRef> chosen = new ArrayList<>();
      for (int j = 0; j < 4; j++) {
        chosen.add(members.get(random.nextInt(members.size())));
      }
      fabrique.sets().create(inquiry, ana.id(), "set " + i, i == 0 ? "" : "described", chosen);
    }
    for (int i = 0; i < 4; i++) {
      ItemRef origin = targets.get(1 + random.nextInt(targets.size() - 1));
      ItemRef target = members.get(random.nextInt(members.size()));
      if (!origin.equals(target)) {
        fabrique
            .links()
            .link(
                inquiry,
                ana.id(),
                origin,
                target,
                "link " + i,
                LinkDirection.values()[random.nextInt(3)],
                random.nextBoolean() ? Optional.empty() : Optional.of("#abcdef"));
      }
    }

    Path exported = folder.resolve("generated.qdpx");
    fabrique.qda().exportProject(inquiry, exported, ImportProgress.NONE);
    Schemas.checkProject(exported);
    ImportedProject back =
        fabrique.qda().importProject(exported, Optional.empty(), ana.id(), ImportProgress.NONE);
    assertEquals(
        Snapshot.of(fabrique, inquiry), Snapshot.of(fabrique, back.inquiryId()), "seed " + seed);
    assertTrue(back.report().lossless(), () -> "seed " + seed + "\n" + back.report().toMarkdown());
    Path again = folder.resolve("again.qdpx");
    fabrique.qda().exportProject(back.inquiryId(), again, ImportProgress.NONE);
    assertEquals(
        ExportRoundTripTest.guids(ExportRoundTripTest.qde(exported)),
        ExportRoundTripTest.guids(ExportRoundTripTest.qde(again)),
        "seed " + seed);
  }

  private static String word(Random random) {
    return WORDS[random.nextInt(WORDS.length)];
  }

  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    int lines = 5 + random.nextInt(20);
    for (int i = 0; i < lines; i++) {
      int words = 3 + random.nextInt(12);
      for (int j = 0; j < words; j++) {
        text.append(word(random)).append(' ');
      }
      text.append(random.nextBoolean() ? "\r\n" : "\n");
    }
    return text.toString();
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
