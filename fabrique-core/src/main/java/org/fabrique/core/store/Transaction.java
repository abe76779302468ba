package org.fabrique.core.store;

import org.fabrique.core.attribute.AttributeStore;
import org.fabrique.core.audit.AuditStore;
import org.fabrique.core.coding.CodingStore;
import org.fabrique.core.corpus.CorpusStore;
import org.fabrique.core.exchange.GuidStore;
import org.fabrique.core.exchange.ReceivedFactStore;
import org.fabrique.core.history.HistoryStore;
import org.fabrique.core.inquiry.InquiryStore;
import org.fabrique.core.journey.JourneyStore;
import org.fabrique.core.link.LinkStore;
import org.fabrique.core.memo.MemoStore;
import org.fabrique.core.redaction.RedactionStore;
import org.fabrique.core.set.SetStore;
import org.fabrique.core.token.TokenStore;
import org.fabrique.core.user.MembershipStore;
import org.fabrique.core.user.SessionStore;
import org.fabrique.core.user.UserStore;

/** One unit of work on the database, with the stores of each feature. */
public interface Transaction {

  /**
   * A new id, unique across every kind of item in the database. Ids are allocated before an
   * operation is recorded so that redo recreates items under the same ids.
   */
  long newId();

  InquiryStore inquiries();

  UserStore users();

  CorpusStore corpus();

  CodingStore coding();

  MemoStore memos();

  AttributeStore attributes();

  HistoryStore history();

  JourneyStore journeys();

  SetStore sets();

  LinkStore links();

  /** The GUIDs items had in the exchange files they were imported from. */
  GuidStore guids();

  /** What the exchange files an inquiry was imported from said that Fabrique holds nowhere else. */
  ReceivedFactStore receivedFacts();

  /** Redactions, the key table of pseudonyms and the replacement policies. */
  RedactionStore redactions();

  /** Sessions of signed-in users. */
  SessionStore sessions();

  /** Members of inquiries and their roles. */
  MembershipStore memberships();

  /** The audit log, append-only. */
  AuditStore audit();

  /** Personal API tokens, by the digest of their secret. */
  TokenStore tokens();
}
