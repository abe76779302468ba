package org.fabrique.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeScope;
import org.fabrique.core.attribute.AttributeType;
import org.fabrique.core.attribute.AttributeValue;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.CodedSpan;
import org.fabrique.core.coding.Coding;
import org.fabrique.core.coding.Segment;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.corpus.SourceMetadata;
import org.fabrique.core.corpus.SpeakerTurn;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.user.Account;
import org.fabrique.core.user.Membership;
import org.fabrique.core.user.Role;
import org.fabrique.core.user.Session;
import org.fabrique.core.user.User;
import org.fabrique.core.user.UserId;
import org.junit.jupiter.api.Test;

/** What every store must do, whatever its database (and the in-memory store of the tests). */
abstract class StoreContractTest extends StoreTestCase {

  // --- inquiries and cases

  @Test
  void anInquiryIsReadBackExactlyAsItWasWritten() {
    Inquiry inquiry = withFixtures(f -> f.inquiry("Cohorts"));
    assertEquals(Optional.of(inquiry), inTx(tx -> tx.inquiries().findInquiry(inquiry.id())));
    assertEquals(Optional.empty(), inTx(tx -> tx.inquiries().findInquiry(new InquiryId(-1))));
  }

  @Test
  void inquiriesAreListedInCreationOrderAndCanBeChanged() {
    Inquiry first = withFixtures(f -> f.inquiry("First"));
    Inquiry second = withFixtures(f -> f.inquiry("Second"));
    Inquiry renamed = new Inquiry(first.id(), "Renamed", "New", first.createdAt().plusNanos(1));
    doInTx(tx -> tx.inquiries().updateInquiry(renamed));
    assertEquals(List.of(renamed, second), inTx(tx -> tx.inquiries().listInquiries()));
  }

  @Test
  void casesBelongToTheirInquiryAndCanBeChangedAndDeleted() {
    List<Case> cases =
        withFixtures(
            f -> {
              Inquiry inquiry = f.inquiry("Registries");
              Inquiry other = f.inquiry("Other");
              f.aCase(other, "Elsewhere");
              return List.of(
                  f.aCase(inquiry, "Cancer registry"), f.aCase(inquiry, "Rare diseases"));
            });
    InquiryId inquiry = cases.get(0).inquiryId();
    assertEquals(cases, inTx(tx -> tx.inquiries().listCases(inquiry)));

    Case changed =
        new Case(cases.get(0).id(), inquiry, "Cancer registry (regional)", Domain.CLAIMS, "Now");
    doInTx(tx -> tx.inquiries().updateCase(changed));
    doInTx(tx -> tx.inquiries().deleteCase(cases.get(1).id()));

    assertEquals(List.of(changed), inTx(tx -> tx.inquiries().listCases(inquiry)));
    assertEquals(Optional.empty(), inTx(tx -> tx.inquiries().findCase(cases.get(1).id())));
  }

  @Test
  void changingOrDeletingACaseThatNoLongerExistsIsAConflict() {
    Case theCase = withFixtures(f -> f.aCase(f.inquiry("I"), "Gone"));
    doInTx(tx -> tx.inquiries().deleteCase(theCase.id()));
    assertThrows(ConflictException.class, () -> doInTx(tx -> tx.inquiries().updateCase(theCase)));
    assertThrows(
        ConflictException.class, () -> doInTx(tx -> tx.inquiries().deleteCase(theCase.id())));
  }

  // --- users

  @Test
  void usersAreFoundByIdAndByLoginAndListedByLogin() {
    List<User> users = withFixtures(f -> List.of(f.user("zoe"), f.user("ali")));
    assertEquals(Optional.of(users.get(0)), inTx(tx -> tx.users().find(users.get(0).id())));
    assertEquals(Optional.of(users.get(1)), inTx(tx -> tx.users().findByLogin("ali")));
    assertEquals(Optional.empty(), inTx(tx -> tx.users().findByLogin("nobody")));
    assertEquals(List.of(users.get(1), users.get(0)), inTx(tx -> tx.users().list()));
  }

  @Test
  void aSecondUserWithTheSameLoginIsAConflictAndNothingIsSaved() {
    withFixtures(f -> f.user("sam"));
    ConflictException conflict =
        assertThrows(
            ConflictException.class,
            () ->
                doInTx(
                    tx -> {
                      tx.inquiries()
                          .insertInquiry(
                              new Inquiry(new InquiryId(tx.newId()), "Lost", "", Fixtures.T0));
                      tx.users().insert(new User(new UserId(tx.newId()), "sam", "Another Sam"));
                    }));
    assertEquals("This login is already taken", conflict.getMessage());
    assertFalse(conflict.getMessage().contains("Another Sam"));
    assertEquals(List.of(), inTx(tx -> tx.inquiries().listInquiries()));
  }

  @Test
  void accountsKeepTheirFlagsAndPasswordHash() {
    User user = withFixtures(f -> f.user("ines"));
    assertEquals(
        Optional.of(new Account(user, false, false)), inTx(tx -> tx.users().account(user.id())));
    assertEquals(Optional.empty(), inTx(tx -> tx.users().passwordHash(user.id())));
    doInTx(tx -> tx.users().updateAccount(new Account(user, true, true)));
    doInTx(tx -> tx.users().setPasswordHash(user.id(), "$argon2id$stored"));
    assertEquals(List.of(new Account(user, true, true)), inTx(tx -> tx.users().accounts()));
    assertEquals(Optional.of("$argon2id$stored"), inTx(tx -> tx.users().passwordHash(user.id())));
    UserId nobody = new UserId(987_654);
    assertThrows(
        ConflictException.class,
        () -> doInTx(tx -> tx.users().setPasswordHash(nobody, "$argon2id$x")));
  }

  @Test
  void anIdentityProvidersSubjectIsLinkedToOneUserForGood() {
    List<User> users = withFixtures(f -> List.of(f.user("olga"), f.user("paul")));
    String issuer = "https://idp.example.org/realms/univ";
    doInTx(tx -> tx.users().linkIdentity(users.get(0).id(), issuer, "248289761001"));
    assertEquals(
        Optional.of(users.get(0)), inTx(tx -> tx.users().findByIdentity(issuer, "248289761001")));
    // The same subject at another provider is someone else.
    assertEquals(
        Optional.empty(),
        inTx(tx -> tx.users().findByIdentity("https://other.example.org", "248289761001")));
    assertEquals(Optional.empty(), inTx(tx -> tx.users().findByIdentity(issuer, "248289761002")));
    // A subject is linked once: linking it again to another user is refused and changes nothing.
    assertThrows(
        ConflictException.class,
        () -> doInTx(tx -> tx.users().linkIdentity(users.get(1).id(), issuer, "248289761001")));
    assertEquals(
        Optional.of(users.get(0)), inTx(tx -> tx.users().findByIdentity(issuer, "248289761001")));
    assertThrows(
        ConflictException.class,
        () -> doInTx(tx -> tx.users().linkIdentity(new UserId(987_654), issuer, "x")));
  }

  @Test
  void sessionsAreFoundTouchedAndEndedOneByOneOrPerUserOrWhenExpired() {
    List<User> users = withFixtures(f -> List.of(f.user("a"), f.user("b")));
    Instant later = Fixtures.T0.plusSeconds(100);
    Session first = new Session("s1", users.get(0).id(), Fixtures.T0, Fixtures.T0);
    Session second = new Session("s2", users.get(0).id(), later, later);
    Session other = new Session("s3", users.get(1).id(), Fixtures.T0, Fixtures.T0.plusSeconds(500));
    doInTx(
        tx -> {
          tx.sessions().insert(first);
          tx.sessions().insert(second);
          tx.sessions().insert(other);
        });
    doInTx(tx -> tx.sessions().touch("s1", Fixtures.T0.plusSeconds(50)));
    assertEquals(
        Optional.of(first.seenAt(Fixtures.T0.plusSeconds(50))),
        inTx(tx -> tx.sessions().find("s1")));
    doInTx(
        tx ->
            tx.sessions().deleteExpired(Fixtures.T0.plusSeconds(60), Fixtures.T0.minusSeconds(1)));
    assertEquals(Optional.empty(), inTx(tx -> tx.sessions().find("s1")));
    assertEquals(Optional.of(other), inTx(tx -> tx.sessions().find("s3")));
    doInTx(tx -> tx.sessions().deleteOfUser(users.get(0).id()));
    assertEquals(Optional.empty(), inTx(tx -> tx.sessions().find("s2")));
    doInTx(tx -> tx.sessions().delete("s3"));
    assertEquals(Optional.empty(), inTx(tx -> tx.sessions().find("s3")));
  }

  @Test
  void aMemberHasOneRolePerInquiryThatCanChangeAndBeRemoved() {
    List<Object> made =
        withFixtures(f -> List.of(f.inquiry("One"), f.inquiry("Two"), f.user("c"), f.user("d")));
    InquiryId one = ((Inquiry) made.get(0)).id();
    InquiryId two = ((Inquiry) made.get(1)).id();
    UserId c = ((User) made.get(2)).id();
    UserId d = ((User) made.get(3)).id();
    doInTx(
        tx -> {
          tx.memberships().put(new Membership(one, d, Role.CODER));
          tx.memberships().put(new Membership(one, c, Role.OWNER));
          tx.memberships().put(new Membership(two, c, Role.VIEWER));
        });
    doInTx(tx -> tx.memberships().put(new Membership(one, d, Role.RESEARCHER)));
    assertEquals(
        List.of(new Membership(one, c, Role.OWNER), new Membership(one, d, Role.RESEARCHER)),
        inTx(tx -> tx.memberships().members(one)));
    assertEquals(
        List.of(new Membership(one, c, Role.OWNER), new Membership(two, c, Role.VIEWER)),
        inTx(tx -> tx.memberships().of(c)));
    assertEquals(Optional.of(Role.RESEARCHER), inTx(tx -> tx.memberships().role(one, d)));
    doInTx(tx -> tx.memberships().remove(one, d));
    assertEquals(Optional.empty(), inTx(tx -> tx.memberships().role(one, d)));
    UserId nobody = new UserId(987_654);
    assertThrows(
        ConflictException.class,
        () -> doInTx(tx -> tx.memberships().put(new Membership(one, nobody, Role.CODER))));
  }

  @Test
  void anItemWithAnIdAlreadyTakenIsAConflict() {
    Inquiry inquiry = withFixtures(f -> f.inquiry("Once"));
    ConflictException conflict =
        assertThrows(
            ConflictException.class, () -> doInTx(tx -> tx.inquiries().insertInquiry(inquiry)));
    assertEquals("An item with this id already exists", conflict.getMessage());
  }

  // --- corpus

  @Test
  void aSourceKeepsEveryFieldWithPresentAndEmptyOptionals() {
    List<Source> sources =
        withFixtures(
            f -> {
              Inquiry inquiry = f.inquiry("I");
              User user = f.user("u");
              Case theCase = f.aCase(inquiry, "C");
              Source inCase = f.source(inquiry, user, Optional.of(theCase.id()), "Interview 1");
              Source bare = f.newSource(inquiry, user, Optional.empty(), "Notes");
              bare =
                  bare.withMetadata(
                      new SourceMetadata(
                          "Notes",
                          SourceKind.FIELD_NOTE,
                          Optional.empty(),
                          "en",
                          Optional.empty(),
                          Confidentiality.PUBLIC));
              f.tx().corpus().insertSource(bare);
              return List.of(inCase, bare);
            });
    for (Source source : sources) {
      assertEquals(Optional.of(source), inTx(tx -> tx.corpus().findSource(source.id())));
    }
    assertEquals(sources, inTx(tx -> tx.corpus().listSources(sources.get(0).inquiryId())));
    assertEquals(
        List.of(sources.get(0)),
        inTx(tx -> tx.corpus().sourcesOfCase(sources.get(0).caseId().orElseThrow())));
  }

  @Test
  void aSourceCanLeaveItsCaseAndBeDeleted() {
    Source source =
        withFixtures(
            f -> {
              Inquiry inquiry = f.inquiry("I");
              return f.source(
                  inquiry, f.user("u"), Optional.of(f.aCase(inquiry, "C").id()), "Interview");
            });
    Source withoutCase = source.withCase(Optional.empty());
    doInTx(tx -> tx.corpus().updateSource(withoutCase));
    assertEquals(Optional.of(withoutCase), inTx(tx -> tx.corpus().findSource(source.id())));
    doInTx(tx -> tx.corpus().deleteSource(source.id()));
    assertEquals(List.of(), inTx(tx -> tx.corpus().listSources(source.inquiryId())));
  }

  @Test
  void speakerTurnsKeepTheirOrderAndTimestampsAndAreDeletedTogether() {
    Source source = withFixtures(f -> f.source(f.inquiry("I"), f.user("u"), Optional.empty(), "T"));
    List<SpeakerTurn> turns = Fixtures.turns();
    doInTx(tx -> tx.corpus().insertTurns(source.id(), turns.subList(0, 2)));
    doInTx(tx -> tx.corpus().insertTurns(source.id(), turns.subList(2, 3)));
    assertEquals(turns, inTx(tx -> tx.corpus().turns(source.id())));
    doInTx(tx -> tx.corpus().deleteTurns(source.id()));
    assertEquals(List.of(), inTx(tx -> tx.corpus().turns(source.id())));
  }

  @Test
  void aSpeakerPatternIsKeptPerInquiryReplacedAndRemoved() {
    Inquiry one = withFixtures(f -> f.inquiry("One"));
    Inquiry two = withFixtures(f -> f.inquiry("Two"));
    assertEquals(Optional.empty(), inTx(tx -> tx.corpus().speakerPattern(one.id())));
    doInTx(tx -> tx.corpus().putSpeakerPattern(one.id(), Optional.of("^(?<speaker>\\w+) >")));
    doInTx(tx -> tx.corpus().putSpeakerPattern(one.id(), Optional.of("^(?<speaker>[A-Z]+):")));
    assertEquals(
        Optional.of("^(?<speaker>[A-Z]+):"),
        inTx(tx -> tx.corpus().speakerPattern(one.id())),
        "replaced, kept as written");
    assertEquals(Optional.empty(), inTx(tx -> tx.corpus().speakerPattern(two.id())));
    doInTx(tx -> tx.corpus().putSpeakerPattern(one.id(), Optional.empty()));
    assertEquals(Optional.empty(), inTx(tx -> tx.corpus().speakerPattern(one.id())));
    doInTx(tx -> tx.corpus().putSpeakerPattern(one.id(), Optional.empty()));
    assertEquals(Optional.empty(), inTx(tx -> tx.corpus().speakerPattern(one.id())));
  }

  @Test
  void aSpeakerPatternOfAnInquiryThatDoesNotExistIsAConflict() {
    InquiryId missing = new InquiryId(-1);
    assertThrows(
        ConflictException.class,
        () -> doInTx(tx -> tx.corpus().putSpeakerPattern(missing, Optional.of("(?<speaker>x)"))));
    assertEquals(Optional.empty(), inTx(tx -> tx.corpus().speakerPattern(missing)));
  }

  @Test
  void deletingASourceThatSegmentsStillReferToIsAConflict() {
    Source source =
        withFixtures(
            f -> {
              Source s = f.source(f.inquiry("I"), f.user("u"), Optional.empty(), "T");
              f.segment(s, 0, 10);
              return s;
            });
    assertThrows(
        ConflictException.class, () -> doInTx(tx -> tx.corpus().deleteSource(source.id())));
    assertTrue(inTx(tx -> tx.corpus().findSource(source.id())).isPresent());
  }

  // --- codebook, segments and codings

  @Test
  void codesAreListedParentsFirstWithSiblingsByPosition() {
    List<Code> expected =
        withFixtures(
            f -> {
              Inquiry inquiry = f.inquiry("I");
              Code second = f.code(inquiry, Optional.empty(), "Second", 2);
              Code first = f.code(inquiry, Optional.empty(), "First", 1);
              Code secondChild = f.code(inquiry, Optional.of(second), "Second.b", 1);
              Code firstChildB = f.code(inquiry, Optional.of(first), "First.b", 5);
              Code grandChild = f.code(inquiry, Optional.of(firstChildB), "First.b.x", 0);
              Code firstChildA = f.code(inquiry, Optional.of(first), "First.a", 3);
              f.code(f.inquiry("Other"), Optional.empty(), "Elsewhere", 0);
              return List.of(first, firstChildA, firstChildB, grandChild, second, secondChild);
            });
    assertEquals(expected, inTx(tx -> tx.coding().listCodes(expected.get(0).inquiryId())));
  }

  @Test
  void aCodeKeepsItsFieldsAndCanBeMovedRenamedAndDeleted() {
    List<Code> codes =
        withFixtures(
            f -> {
              Inquiry inquiry = f.inquiry("I");
              Code parent = f.code(inquiry, Optional.empty(), "Parent", 0);
              return List.of(parent, f.code(inquiry, Optional.of(parent), "Child", 0));
            });
    Code child = codes.get(1);
    assertEquals(Optional.of(child), inTx(tx -> tx.coding().findCode(child.id())));
    Code moved =
        new Code(child.id(), child.inquiryId(), Optional.empty(), "Moved", "#ff0000", "", false, 7);
    doInTx(tx -> tx.coding().updateCode(moved));
    assertEquals(Optional.of(moved), inTx(tx -> tx.coding().findCode(child.id())));
    doInTx(tx -> tx.coding().deleteCode(codes.get(0).id()));
    assertEquals(List.of(moved), inTx(tx -> tx.coding().listCodes(child.inquiryId())));
  }

  @Test
  void segmentsAreFoundByIdAndBySpanAndOneSpanHasOneSegment() {
    Segment segment =
        withFixtures(
            f -> {
              Source source = f.source(f.inquiry("I"), f.user("u"), Optional.empty(), "T");
              f.segment(source, 50, 60);
              return f.segment(source, 10, 20);
            });
    assertEquals(Optional.of(segment), inTx(tx -> tx.coding().findSegment(segment.id())));
    assertEquals(
        Optional.of(segment), inTx(tx -> tx.coding().findSegment(segment.sourceId(), 10, 20)));
    assertEquals(Optional.empty(), inTx(tx -> tx.coding().findSegment(segment.sourceId(), 10, 21)));
    assertEquals(
        List.of(10, 50),
        inTx(tx -> tx.coding().segmentsOf(segment.sourceId())).stream()
            .map(Segment::start)
            .toList());
    ConflictException conflict =
        assertThrows(
            ConflictException.class,
            () ->
                doInTx(
                    tx ->
                        tx.coding()
                            .insertSegment(
                                new Segment(
                                    new SegmentId(tx.newId()),
                                    segment.sourceId(),
                                    10,
                                    20,
                                    "Quote of field material"))));
    assertEquals("This passage of the source already has a segment", conflict.getMessage());
  }

  @Test
  void storageErrorsNeverCarryFieldMaterial() {
    Segment segment =
        withFixtures(
            f -> f.segment(f.source(f.inquiry("I"), f.user("u"), Optional.empty(), "T"), 10, 20));
    ConflictException conflict =
        assertThrows(
            ConflictException.class,
            () ->
                doInTx(
                    tx ->
                        tx.coding()
                            .insertSegment(
                                new Segment(
                                    new SegmentId(tx.newId()),
                                    segment.sourceId(),
                                    10,
                                    20,
                                    "Quote of field material"))));
    for (Throwable cause = conflict; cause != null; cause = cause.getCause()) {
      assertFalse(String.valueOf(cause.getMessage()).contains("field material"), cause.toString());
    }
  }

  @Test
  void codingsAreFoundBySegmentAndByCodeAndCanBeRecoded() {
    List<Object> made =
        withFixtures(
            f -> {
              Inquiry inquiry = f.inquiry("I");
              User ana = f.user("ana");
              User ben = f.user("ben");
              Source source = f.source(inquiry, ana, Optional.empty(), "T");
              Code tension = f.code(inquiry, Optional.empty(), "Tension", 0);
              Code choice = f.code(inquiry, Optional.empty(), "Choice", 1);
              Segment segment = f.segment(source, 0, 30);
              return List.of(
                  f.coding(segment, tension, ana),
                  f.coding(segment, tension, ben),
                  f.coding(segment, choice, ana),
                  choice);
            });
    Coding first = (Coding) made.get(0);
    Coding second = (Coding) made.get(1);
    Coding third = (Coding) made.get(2);
    Code choice = (Code) made.get(3);
    assertEquals(
        List.of(first, second, third), inTx(tx -> tx.coding().codingsOfSegment(first.segmentId())));
    assertEquals(List.of(first, second), inTx(tx -> tx.coding().codingsOfCode(first.codeId())));

    Coding recoded =
        new Coding(second.id(), second.segmentId(), choice.id(), second.coderId(), Fixtures.T0);
    doInTx(tx -> tx.coding().updateCoding(recoded));
    assertEquals(Optional.of(recoded), inTx(tx -> tx.coding().findCoding(second.id())));
    assertEquals(List.of(recoded, third), inTx(tx -> tx.coding().codingsOfCode(choice.id())));

    Coding duplicate =
        new Coding(first.id(), first.segmentId(), choice.id(), first.coderId(), Fixtures.T0);
    ConflictException conflict =
        assertThrows(
            ConflictException.class, () -> doInTx(tx -> tx.coding().updateCoding(duplicate)));
    assertEquals(
        "This passage is already coded with this code by this coder", conflict.getMessage());

    doInTx(tx -> tx.coding().deleteCoding(first.id()));
    assertEquals(Optional.empty(), inTx(tx -> tx.coding().findCoding(first.id())));
  }

  @Test
  void spansReturnTheCodingsWhoseSegmentOverlapsTheWindowByStartThenEnd() {
    List<CodedSpan> spans =
        withFixtures(
            f -> {
              Inquiry inquiry = f.inquiry("I");
              User user = f.user("u");
              Source source = f.source(inquiry, user, Optional.empty(), "T");
              Source other = f.source(inquiry, user, Optional.empty(), "Other");
              Code code = f.code(inquiry, Optional.empty(), "C", 0);
              Code code2 = f.code(inquiry, Optional.empty(), "D", 1);
              f.coding(f.segment(other, 0, 1000), code, user);
              f.coding(f.segment(source, 0, 100), code, user); // ends where the window starts
              Segment longOne = f.segment(source, 50, 500);
              Coding a = f.coding(longOne, code2, user);
              Coding b = f.coding(longOne, code, user);
              Coding c = f.coding(f.segment(source, 100, 101), code, user); // first character
              Coding d = f.coding(f.segment(source, 100, 150), code, user);
              Coding e = f.coding(f.segment(source, 199, 260), code, user); // last character
              f.coding(f.segment(source, 200, 210), code, user); // starts where the window ends
              return List.of(
                  span(a, longOne),
                  span(b, longOne),
                  span(c, source, 100, 101),
                  span(d, source, 100, 150),
                  span(e, source, 199, 260));
            });
    assertEquals(spans, inTx(tx -> tx.coding().spans(spans.get(2).sourceId(), 100, 200)));
  }

  private static CodedSpan span(Coding coding, Segment segment) {
    return CodedSpan.of(segment, coding);
  }

  private static CodedSpan span(Coding coding, Source source, int start, int end) {
    return new CodedSpan(
        coding.id(),
        coding.segmentId(),
        source.id(),
        start,
        end,
        coding.codeId(),
        coding.coderId());
  }

  @Test
  void spansOfCodeAndForEachSpanGoBySourceThenStartAndStayInTheirInquiry() {
    List<CodedSpan> expected =
        withFixtures(
            f -> {
              Inquiry inquiry = f.inquiry("I");
              User user = f.user("u");
              Code code = f.code(inquiry, Optional.empty(), "C", 0);
              Source s1 = f.source(inquiry, user, Optional.empty(), "S1");
              Source s2 = f.source(inquiry, user, Optional.empty(), "S2");
              Segment late = f.segment(s1, 90, 95);
              Segment early = f.segment(s1, 5, 15);
              Segment other = f.segment(s2, 0, 3);
              List<CodedSpan> spans = new ArrayList<>();
              spans.add(span(f.coding(early, code, user), early));
              spans.add(span(f.coding(late, code, user), late));
              spans.add(span(f.coding(other, code, user), other));
              Inquiry elsewhere = f.inquiry("Elsewhere");
              Source s3 = f.source(elsewhere, user, Optional.empty(), "S3");
              f.coding(f.segment(s3, 0, 1), f.code(elsewhere, Optional.empty(), "E", 0), user);
              return spans;
            });
    CodeId code = expected.get(0).codeId();
    assertEquals(expected, inTx(tx -> tx.coding().spansOfCode(code)));
    InquiryId inquiry = inTx(tx -> tx.coding().findCode(code).orElseThrow().inquiryId());
    List<CodedSpan> streamed = new ArrayList<>();
    doInTx(tx -> tx.coding().forEachSpan(inquiry, streamed::add));
    assertEquals(expected, streamed);
  }

  @Test
  void codingCountsAreByCodeAndBySource() {
    List<Object> made =
        withFixtures(
            f -> {
              Inquiry inquiry = f.inquiry("I");
              User user = f.user("u");
              User other = f.user("o");
              Code c1 = f.code(inquiry, Optional.empty(), "C1", 0);
              Code c2 = f.code(inquiry, Optional.empty(), "C2", 1);
              f.code(inquiry, Optional.empty(), "Unused", 2);
              Source s1 = f.source(inquiry, user, Optional.empty(), "S1");
              Source s2 = f.source(inquiry, user, Optional.empty(), "S2");
              Segment a = f.segment(s1, 0, 10);
              f.coding(a, c1, user);
              f.coding(a, c1, other);
              f.coding(a, c2, user);
              f.coding(f.segment(s2, 0, 10), c1, user);
              return List.of(inquiry, c1, c2, s1, s2);
            });
    InquiryId inquiry = ((Inquiry) made.get(0)).id();
    assertEquals(
        Map.of(((Code) made.get(1)).id(), 3, ((Code) made.get(2)).id(), 1),
        inTx(tx -> tx.coding().codingCounts(inquiry)));
    assertEquals(
        Map.of(((Source) made.get(3)).id(), 3, ((Source) made.get(4)).id(), 1),
        inTx(tx -> tx.coding().codingCountsBySource(inquiry)));
  }

  // --- memos and attributes

  @Test
  void memosAreFoundByTargetAndByInquiryAndCanBeRetargeted() {
    List<Memo> memos =
        withFixtures(
            f -> {
              Inquiry inquiry = f.inquiry("I");
              User user = f.user("u");
              return List.of(
                  f.memo(inquiry, new ItemRef(ItemKind.CODE, 42), user),
                  f.memo(inquiry, new ItemRef(ItemKind.SEGMENT, 42), user),
                  f.memo(inquiry, new ItemRef(ItemKind.CODE, 42), user));
            });
    ItemRef code42 = new ItemRef(ItemKind.CODE, 42);
    assertEquals(List.of(memos.get(0), memos.get(2)), inTx(tx -> tx.memos().about(code42)));
    assertEquals(memos, inTx(tx -> tx.memos().list(memos.get(0).inquiryId())));

    Memo first = memos.get(0);
    Memo moved =
        new Memo(
            first.id(),
            first.inquiryId(),
            new ItemRef(ItemKind.TENSION, 7),
            "New title",
            "New body",
            first.authorId(),
            first.createdAt(),
            first.updatedAt().plusSeconds(3600));
    doInTx(tx -> tx.memos().update(moved));
    assertEquals(Optional.of(moved), inTx(tx -> tx.memos().find(first.id())));
    assertEquals(List.of(memos.get(2)), inTx(tx -> tx.memos().about(code42)));
    doInTx(tx -> tx.memos().delete(first.id()));
    assertEquals(Optional.empty(), inTx(tx -> tx.memos().find(first.id())));
  }

  @Test
  void anAttributeValueIsSetReplacedAndClearedPerOwner() {
    List<AttributeDefinition> definitions =
        withFixtures(
            f -> {
              Inquiry inquiry = f.inquiry("I");
              return List.of(
                  f.attribute(inquiry, "Size", AttributeType.INTEGER, AttributeScope.CASE),
                  f.attribute(inquiry, "Opened", AttributeType.DATE, AttributeScope.CASE));
            });
    AttributeDefinition size = definitions.get(0);
    AttributeDefinition opened = definitions.get(1);
    assertEquals(definitions, inTx(tx -> tx.attributes().listDefinitions(size.inquiryId())));
    doInTx(
        tx -> {
          tx.attributes().putValue(new AttributeValue(size.id(), 100, "12"));
          tx.attributes().putValue(new AttributeValue(size.id(), 100, "13"));
          tx.attributes().putValue(new AttributeValue(size.id(), 200, "7"));
          tx.attributes().putValue(new AttributeValue(opened.id(), 100, "2020-01-31"));
        });
    assertEquals(
        Optional.of(new AttributeValue(size.id(), 100, "13")),
        inTx(tx -> tx.attributes().findValue(size.id(), 100)));
    assertEquals(
        List.of(new AttributeValue(size.id(), 100, "13"), new AttributeValue(size.id(), 200, "7")),
        inTx(tx -> tx.attributes().valuesOf(size.id())));
    assertEquals(
        List.of(
            new AttributeValue(size.id(), 100, "13"),
            new AttributeValue(opened.id(), 100, "2020-01-31")),
        inTx(tx -> tx.attributes().valuesOfOwner(100)));
    doInTx(tx -> tx.attributes().deleteValue(size.id(), 100));
    doInTx(tx -> tx.attributes().deleteValue(size.id(), 100));
    assertEquals(Optional.empty(), inTx(tx -> tx.attributes().findValue(size.id(), 100)));
  }

  @Test
  void twoAttributesOfOneScopeCannotShareAName() {
    AttributeDefinition size =
        withFixtures(
            f -> {
              Inquiry inquiry = f.inquiry("I");
              f.attribute(inquiry, "Size", AttributeType.INTEGER, AttributeScope.SOURCE);
              return f.attribute(inquiry, "Size", AttributeType.INTEGER, AttributeScope.CASE);
            });
    AttributeDefinition renamed =
        new AttributeDefinition(
            size.id(), size.inquiryId(), "Size (cases)", size.type(), size.scope(), "Edited");
    doInTx(tx -> tx.attributes().updateDefinition(renamed));
    assertEquals(Optional.of(renamed), inTx(tx -> tx.attributes().findDefinition(size.id())));
    ConflictException conflict =
        assertThrows(
            ConflictException.class,
            () ->
                withFixtures(
                    f ->
                        f.attribute(
                            f.tx().inquiries().findInquiry(size.inquiryId()).orElseThrow(),
                            "Size (cases)",
                            AttributeType.TEXT,
                            AttributeScope.CASE)));
    assertEquals("An attribute of this name already exists", conflict.getMessage());
  }

  // --- transactions and ids

  @Test
  void idsAreUniqueAcrossItemKindsAndIncreaseFromOneTransactionToTheNext() {
    List<Long> ids = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      int count = round * 700 + 1;
      ids.addAll(
          inTx(
              tx -> {
                List<Long> some = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                  some.add(tx.newId());
                }
                return some;
              }));
    }
    ids.add(withFixtures(f -> f.inquiry("I").id().value()));
    assertEquals(ids.size(), new HashSet<>(ids).size());
    assertEquals(ids.stream().sorted().toList(), ids);
  }

  @Test
  void concurrentTransactionsNeverReceiveTheSameId() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Long>>> results = new ArrayList<>();
      for (int worker = 0; worker < 4; worker++) {
        results.add(
            pool.submit(
                () -> {
                  List<Long> ids = new ArrayList<>();
                  for (int i = 0; i < 50; i++) {
                    ids.addAll(inTx(tx -> List.of(tx.newId(), tx.newId(), tx.newId())));
                  }
                  return ids;
                }));
      }
      Set<Long> all = new HashSet<>();
      int total = 0;
      for (Future<List<Long>> result : results) {
        List<Long> ids = result.get(60, TimeUnit.SECONDS);
        total += ids.size();
        all.addAll(ids);
      }
      assertEquals(600, total);
      assertEquals(total, all.size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aTransactionThatFailsLeavesNothingBehind() {
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () ->
                withFixtures(
                    f -> {
                      f.inquiry("Half done");
                      throw new IllegalStateException("stop");
                    }));
    assertEquals("stop", failure.getMessage());
    assertEquals(List.of(), inTx(tx -> tx.inquiries().listInquiries()));
  }

  @Test
  void aTransactionOpenedInsideAnotherJoinsIt() {
    assertThrows(
        IllegalStateException.class,
        () ->
            doInTx(
                outer -> {
                  Inquiry inner = store.inTransaction(tx -> new Fixtures(tx).inquiry("Inner"));
                  assertEquals(Optional.of(inner), outer.inquiries().findInquiry(inner.id()));
                  throw new IllegalStateException("roll back both");
                }));
    assertEquals(List.of(), inTx(tx -> tx.inquiries().listInquiries()));
  }

  @Test
  void aClosedStoreRefusesWork() {
    store.close();
    assertThrows(StorageException.class, () -> inTx(tx -> tx.inquiries().listInquiries()));
    store = database.open(dataDir);
  }

  @Test
  void dataSurviveClosingAndReopeningTheStore() {
    Inquiry inquiry = withFixtures(f -> f.inquiry("Kept"));
    store.close();
    store = database.open(dataDir);
    assertEquals(List.of(inquiry), inTx(tx -> tx.inquiries().listInquiries()));
    assertTrue(inTx(tx -> tx.newId()) > inquiry.id().value());
  }
}
