package org.fabrique.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.fabrique.app.Workbench;
import org.fabrique.core.Fabrique;
import org.fabrique.core.coding.CodedSpan;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.inquiry.Inquiry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoInquiryTest {
  @TempDir Path data;

  @Test
  void theDemoHasFieldNotesInterviewsADocumentAndTwoCoders() {
    try (Workbench workbench = Workbench.embedded(data)) {
      Fabrique fabrique = workbench.fabrique();
      Inquiry inquiry = new DemoInquiry(fabrique).load();
      List<Source> sources = fabrique.corpus().list(inquiry.id());
      assertEquals(9, sources.size());
      assertEquals(5, sources.stream().filter(s -> s.kind() == SourceKind.INTERVIEW).count());
      assertEquals(
          Set.of("fr", "en"), sources.stream().map(Source::language).collect(Collectors.toSet()));
      for (Source interview :
          sources.stream().filter(s -> s.kind() == SourceKind.INTERVIEW).toList()) {
        assertTrue(fabrique.corpus().turns(interview.id()).size() >= 7, interview.title());
      }
      Set<Long> coders =
          sources.stream()
              .flatMap(s -> fabrique.coding().spans(s.id(), 0, s.length()).stream())
              .map(CodedSpan::coderId)
              .map(id -> id.value())
              .collect(Collectors.toSet());
      assertEquals(2, coders.size());
      Set<String> topLevel =
          fabrique.coding().codebook(inquiry.id()).stream()
              .map(node -> node.code().name())
              .collect(Collectors.toSet());
      assertTrue(
          topLevel.containsAll(Set.of("Nature", "Knowledge", "Uses", "Regulation")),
          topLevel.toString());
    }
  }

  @Test
  void loadingTwiceKeepsOneDemo() {
    try (Workbench workbench = Workbench.embedded(data)) {
      Inquiry first = new DemoInquiry(workbench.fabrique()).load();
      Inquiry second = new DemoInquiry(workbench.fabrique()).load();
      assertEquals(first.id(), second.id());
      assertEquals(1, workbench.fabrique().inquiries().list().size());
    }
  }
}
