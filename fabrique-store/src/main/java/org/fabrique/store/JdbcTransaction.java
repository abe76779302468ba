package org.fabrique.store;

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
import org.fabrique.core.store.Transaction;
import org.fabrique.core.token.TokenStore;
import org.fabrique.core.user.MembershipStore;
import org.fabrique.core.user.SessionStore;
import org.fabrique.core.user.UserStore;
import org.fabrique.store.attribute.JdbcAttributeStore;
import org.fabrique.store.audit.JdbcAuditStore;
import org.fabrique.store.coding.JdbcCodingStore;
import org.fabrique.store.corpus.JdbcCorpusStore;
import org.fabrique.store.exchange.JdbcGuidStore;
import org.fabrique.store.exchange.JdbcLinkStore;
import org.fabrique.store.exchange.JdbcReceivedFactStore;
import org.fabrique.store.exchange.JdbcSetStore;
import org.fabrique.store.history.JdbcHistoryStore;
import org.fabrique.store.history.OperationCodec;
import org.fabrique.store.inquiry.JdbcInquiryStore;
import org.fabrique.store.journey.JdbcJourneyStore;
import org.fabrique.store.memo.JdbcMemoStore;
import org.fabrique.store.redaction.JdbcRedactionStore;
import org.fabrique.store.token.JdbcTokenStore;
import org.fabrique.store.user.JdbcMembershipStore;
import org.fabrique.store.user.JdbcSessionStore;
import org.fabrique.store.user.JdbcUserStore;
import org.jdbi.v3.core.Handle;

/** One transaction: the stores of every feature working on the same Jdbi handle. */
final class JdbcTransaction implements Transaction {
  private final TransactionIds ids;
  private final InquiryStore inquiries;
  private final UserStore users;
  private final CorpusStore corpus;
  private final CodingStore coding;
  private final MemoStore memos;
  private final AttributeStore attributes;
  private final HistoryStore history;
  private final JourneyStore journeys;
  private final SetStore sets;
  private final LinkStore links;
  private final GuidStore guids;
  private final ReceivedFactStore receivedFacts;
  private final RedactionStore redactions;
  private final SessionStore sessions;
  private final MembershipStore memberships;
  private final AuditStore audit;
  private final TokenStore tokens;

  JdbcTransaction(Handle handle, Dialect dialect, OperationCodec codec) {
    this.ids = new TransactionIds(handle, dialect);
    this.inquiries = new JdbcInquiryStore(handle);
    this.users = new JdbcUserStore(handle);
    this.corpus = new JdbcCorpusStore(handle);
    this.coding = new JdbcCodingStore(handle);
    this.memos = new JdbcMemoStore(handle);
    this.attributes = new JdbcAttributeStore(handle);
    this.history = new JdbcHistoryStore(handle, ids::next, codec, dialect.lockClause());
    this.journeys = new JdbcJourneyStore(handle);
    this.sets = new JdbcSetStore(handle);
    this.links = new JdbcLinkStore(handle);
    this.guids = new JdbcGuidStore(handle);
    this.receivedFacts = new JdbcReceivedFactStore(handle);
    this.redactions = new JdbcRedactionStore(handle);
    this.sessions = new JdbcSessionStore(handle);
    this.memberships = new JdbcMembershipStore(handle);
    this.audit = new JdbcAuditStore(handle);
    this.tokens = new JdbcTokenStore(handle);
  }

  @Override
  public long newId() {
    return ids.next();
  }

  @Override
  public InquiryStore inquiries() {
    return inquiries;
  }

  @Override
  public UserStore users() {
    return users;
  }

  @Override
  public CorpusStore corpus() {
    return corpus;
  }

  @Override
  public CodingStore coding() {
    return coding;
  }

  @Override
  public MemoStore memos() {
    return memos;
  }

  @Override
  public AttributeStore attributes() {
    return attributes;
  }

  @Override
  public HistoryStore history() {
    return history;
  }

  @Override
  public JourneyStore journeys() {
    return journeys;
  }

  @Override
  public SetStore sets() {
    return sets;
  }

  @Override
  public LinkStore links() {
    return links;
  }

  @Override
  public GuidStore guids() {
    return guids;
  }

  @Override
  public ReceivedFactStore receivedFacts() {
    return receivedFacts;
  }

  @Override
  public RedactionStore redactions() {
    return redactions;
  }

  @Override
  public SessionStore sessions() {
    return sessions;
  }

  @Override
  public MembershipStore memberships() {
    return memberships;
  }

  @Override
  public AuditStore audit() {
    return audit;
  }

  @Override
  public TokenStore tokens() {
    return tokens;
  }
}
