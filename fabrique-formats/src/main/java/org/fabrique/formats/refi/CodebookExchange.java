package org.fabrique.formats.refi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.CodebookOperations;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.error.Problem;
import org.fabrique.core.exchange.ExchangeOperations;
import org.fabrique.core.exchange.ExchangeReport;
import org.fabrique.core.exchange.Guids;
import org.fabrique.core.exchange.ItemGuid;
import org.fabrique.core.exchange.ReceivedFact;
import org.fabrique.core.history.CompositeOperation;
import org.fabrique.core.history.History;
import org.fabrique.core.history.Operation;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.redaction.ExportScope;
import org.fabrique.core.set.ItemSet;
import org.fabrique.core.set.SetId;
import org.fabrique.core.set.SetOperations;
import org.fabrique.core.store.Store;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.user.UserId;

/**
 * Codebooks (.qdc) in and out. An import adds to an inquiry the codes it does not have yet (matched
 * by GUID) and the code sets, as one undoable step.
 */
final class CodebookExchange {
  static final String IMPORT = "Import of a REFI-QDA codebook";
  static final String EXPORT = "Export of the codebook as REFI-QDA";

  private final Store store;
  private final History history;
  private final ArchiveLimits limits;

  CodebookExchange(Store store, History history, ArchiveLimits limits) {
    this.store = store;
    this.history = history;
    this.limits = limits;
  }

  ExchangeReport importCodebook(InquiryId inquiry, UserId user, Path file) {
    try {
      return importOrRefuse(inquiry, user, file);
    } catch (InvalidInputException refusal) {
      Reports.writeRefusal(file, IMPORT, refusal);
      throw refusal;
    }
  }

  private ExchangeReport importOrRefuse(InquiryId inquiry, UserId user, Path file) {
    String fileName = file.getFileName().toString();
    List<Problem> problems = new ArrayList<>();
    RefiModel.Project codebook;
    try (QdpxArchive archive = QdpxArchive.open(file, limits);
        InputStream in = archive.openQde()) {
      codebook = new QdeReader(problems).read(in, fileName);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    store.inTransaction(
        tx -> {
          tx.inquiries()
              .findInquiry(inquiry)
              .orElseThrow(() -> new NotFoundException("There is no inquiry " + inquiry));
          new Adding(tx, inquiry, problems, counts).add(codebook, fileName, user);
          return null;
        });
    return Reports.writeBeside(file, new ExchangeReport(IMPORT, fileName, counts, problems));
  }

  private final class Adding {
    private final Transaction tx;
    private final InquiryId inquiry;
    private final List<Problem> problems;
    private final Map<String, Integer> counts;
    private final Map<String, CodeId> byGuid = new HashMap<>();
    private final Map<List<Object>, CodeId> byName = new HashMap<>();
    private final Map<Optional<CodeId>, Integer> nextPosition = new HashMap<>();
    private final List<Operation> steps = new ArrayList<>();
    private final List<ItemGuid> guids = new ArrayList<>();
    private final List<ReceivedFact> received = new ArrayList<>();
    private Map<String, String> asWritten = Map.of();
    private int created;

    Adding(Transaction tx, InquiryId inquiry, List<Problem> problems, Map<String, Integer> counts) {
      this.tx = tx;
      this.inquiry = inquiry;
      this.problems = problems;
      this.counts = counts;
      ExportGuids known = new ExportGuids(tx, inquiry);
      for (Code code : tx.coding().listCodes(inquiry)) {
        String guid = known.of(new ItemRef(ItemKind.CODE, code.id().value()));
        byGuid.put(Guids.parse(guid).orElse(guid), code.id());
        byName.putIfAbsent(List.of(code.parentId(), code.name()), code.id());
        nextPosition.merge(code.parentId(), 1, Integer::sum);
      }
    }

    void add(RefiModel.Project codebook, String fileName, UserId user) {
      asWritten = codebook.guidsAsWritten();
      codes(codebook.codes(), Optional.empty());
      for (RefiModel.Set set : codebook.sets()) {
        List<ItemRef> members = new ArrayList<>();
        for (String guid : set.memberCodes()) {
          CodeId code = byGuid.get(guid);
          if (code == null) {
            problems.add(
                Problem.error(
                    set.location(),
                    "The set " + set.name() + " names the unknown code " + guid + ": dropped"));
          } else {
            members.add(new ItemRef(ItemKind.CODE, code.value()));
          }
        }
        if (!set.memberSources().isEmpty() || !set.memberNotes().isEmpty()) {
          problems.add(
              Problem.error(
                  set.location(),
                  "Sources and notes of the set "
                      + set.name()
                      + " are not in a codebook: dropped"));
        }
        SetId id = new SetId(tx.newId());
        String name = set.name().isBlank() ? "Unnamed set" : set.name().strip();
        steps.add(
            new SetOperations.CreateSet(
                new ItemSet(
                    id,
                    inquiry,
                    InquiryBuilder.truncate(name),
                    set.description().orElse(""),
                    members)));
        if (!set.guid().startsWith("x-")) {
          guids.add(
              new ItemGuid(
                  new ItemRef(ItemKind.SET, id.value()),
                  asWritten.getOrDefault(set.guid(), set.guid())));
        }
        counts.merge("sets", 1, Integer::sum);
      }
      if (!guids.isEmpty()) {
        steps.add(new ExchangeOperations.RecordGuids(inquiry, guids));
      }
      if (!steps.isEmpty()) {
        history.apply(
            tx, inquiry, user, new CompositeOperation("Imported the codebook " + fileName, steps));
        // ids are allocated before the history records them: a redo recreates the same codes
        tx.receivedFacts().putAll(inquiry, received);
      }
    }

    private void codes(List<RefiModel.Code> codes, Optional<CodeId> top) {
      for (RefiModel.Code refi : codes) {
        Optional<CodeId> parent = top;
        String name = refi.name().isBlank() ? "Unnamed code" : refi.name().strip();
        if (top.isEmpty() && refi.children().isEmpty() && name.contains("::")) {
          String[] path = name.split("::");
          for (int i = 0; i < path.length - 1; i++) {
            parent = Optional.of(group(parent, path[i].strip()));
          }
          name = path[path.length - 1].strip();
          problems.add(
              Problem.warning(
                  refi.location(),
                  "The code named "
                      + refi.name()
                      + " was placed in the hierarchy its name spells"));
        }
        CodeId id = byGuid.get(refi.guid());
        if (id != null) {
          problems.add(
              Problem.info(
                  refi.location(),
                  "The code " + refi.name() + " is already in the inquiry; kept as it is"));
        } else {
          id = new CodeId(tx.newId());
          int position = nextPosition.merge(parent, 1, Integer::sum) - 1;
          String colour =
              refi.colour()
                  .orElse(CodingService.PALETTE.get(created++ % CodingService.PALETTE.size()));
          if (refi.colour().isEmpty()) {
            received.add(
                new ReceivedFact(
                    new ItemRef(ItemKind.CODE, id.value()), ReceivedFact.NO_COLOUR, colour));
          }
          steps.add(
              new CodebookOperations.CreateCode(
                  new Code(
                      id,
                      inquiry,
                      parent,
                      InquiryBuilder.truncate(name),
                      colour,
                      refi.description().orElse(""),
                      refi.codable(),
                      position)));
          if (!refi.guid().startsWith("x-")) {
            guids.add(
                new ItemGuid(
                    new ItemRef(ItemKind.CODE, id.value()),
                    asWritten.getOrDefault(refi.guid(), refi.guid())));
            byGuid.put(refi.guid(), id);
          }
          counts.merge("codes", 1, Integer::sum);
        }
        if (!refi.noteRefs().isEmpty()) {
          problems.add(
              Problem.error(
                  refi.location(),
                  "Notes of the code " + refi.name() + " are not in a codebook: dropped"));
        }
        codes(refi.children(), Optional.of(id));
      }
    }

    private CodeId group(Optional<CodeId> parent, String name) {
      String groupName = name.isEmpty() ? "Unnamed code" : name;
      CodeId existing = byName.get(List.of(parent, groupName));
      if (existing != null) {
        return existing;
      }
      CodeId id = new CodeId(tx.newId());
      int position = nextPosition.merge(parent, 1, Integer::sum) - 1;
      steps.add(
          new CodebookOperations.CreateCode(
              new Code(
                  id,
                  inquiry,
                  parent,
                  InquiryBuilder.truncate(groupName),
                  CodingService.PALETTE.get(created++ % CodingService.PALETTE.size()),
                  "",
                  false,
                  position)));
      byName.put(List.of(parent, groupName), id);
      counts.merge("codes", 1, Integer::sum);
      return id;
    }
  }

  ExchangeReport exportCodebook(InquiryId inquiry, Path file, ExportScope scope) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (ExportTarget target = new ExportTarget(file)) {
      store.inTransaction(
          tx -> {
            List<Code> codes = tx.coding().listCodes(inquiry);
            if (codes.isEmpty()) {
              throw new InvalidInputException(
                  "The inquiry has no codes; a REFI-QDA codebook needs at least one");
            }
            try (OutputStream out = Files.newOutputStream(target.partial())) {
              write(tx, inquiry, codes, out, problems, counts, scope);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            return null;
          });
      target.complete(problems);
    }
    return Reports.writeBeside(
        file, new ExchangeReport(EXPORT, file.getFileName().toString(), counts, problems));
  }

  private static void write(
      Transaction tx,
      InquiryId inquiry,
      List<Code> codes,
      OutputStream out,
      List<Problem> problems,
      Map<String, Integer> counts,
      ExportScope scope) {
    ExportGuids guids = new ExportGuids(tx, inquiry);
    XmlOut xml = new XmlOut(out, QdeReader.CODEBOOK_NAMESPACE, problems);
    xml.startDocument();
    xml.start("CodeBook");
    xml.rootNamespace(QdeReader.CODEBOOK_NAMESPACE);
    xml.attribute("origin", ProjectExporter.ORIGIN);
    xml.start("Codes");
    writeCodes(xml, guids, new ExportFacts(tx, inquiry), codes, Optional.empty(), counts, scope);
    xml.end();
    List<ItemSet> sets =
        tx.sets().list(inquiry).stream()
            .filter(s -> s.members().stream().anyMatch(m -> m.kind() == ItemKind.CODE))
            .toList();
    for (ItemSet set : tx.sets().list(inquiry)) {
      long others = set.members().stream().filter(m -> m.kind() != ItemKind.CODE).count();
      if (others > 0) {
        String name = scope.freeText(set.name());
        problems.add(
            sets.contains(set)
                ? Problem.error(
                    "set " + set.id(),
                    others
                        + " member(s) of the set "
                        + name
                        + " are not codes: a codebook does not carry them")
                : Problem.error(
                    "set " + set.id(),
                    others
                        + " member(s) of the set "
                        + name
                        + " are not codes: a codebook does not carry them, nor the set"));
      }
    }
    if (!sets.isEmpty()) {
      xml.start("Sets");
      for (ItemSet set : sets) {
        xml.start("Set");
        xml.attribute("guid", guids.of(new ItemRef(ItemKind.SET, set.id().value())));
        xml.attribute("name", scope.freeText(set.name()));
        xml.description(scope.freeText(set.description()));
        set.members().stream()
            .filter(m -> m.kind() == ItemKind.CODE)
            .forEach(m -> xml.ref("MemberCode", "guid", guids.of(m)));
        xml.end();
        counts.merge("sets", 1, Integer::sum);
      }
      xml.end();
    }
    xml.end();
    xml.finish();
    if (tx.memos().list(inquiry).stream().anyMatch(m -> m.target().kind() == ItemKind.CODE)) {
      problems.add(Problem.error("memos", "Memos on codes are not carried by a codebook"));
    }
    if (!scope.profile().isInternal()) {
      scope.report().lines().forEach(line -> problems.add(Problem.info("redaction", line)));
    }
  }

  private static void writeCodes(
      XmlOut xml,
      ExportGuids guids,
      ExportFacts facts,
      List<Code> all,
      Optional<CodeId> parent,
      Map<String, Integer> counts,
      ExportScope scope) {
    for (Code code :
        all.stream()
            .filter(c -> c.parentId().equals(parent))
            .sorted(Comparator.comparingInt(Code::position).thenComparing(c -> c.id().value()))
            .toList()) {
      xml.start("Code");
      xml.attribute("guid", guids.of(new ItemRef(ItemKind.CODE, code.id().value())));
      xml.attribute("name", scope.freeText(code.name()));
      xml.attribute("isCodable", Boolean.toString(code.codable()));
      facts.colour(code).ifPresent(colour -> xml.attribute("color", colour));
      xml.description(scope.freeText(code.description()));
      writeCodes(xml, guids, facts, all, Optional.of(code.id()), counts, scope);
      xml.end();
      counts.merge("codes", 1, Integer::sum);
    }
  }
}
