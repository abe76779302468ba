-- Sign-in with OpenID Connect (issue 10, decision 0008): the identity provider's issuer and its subject
-- (the stable, never reassigned identifier of a person) name the account made at the first sign-in.
CREATE TABLE user_identities (
  issuer  TEXT   NOT NULL,
  subject TEXT   NOT NULL,
  user_id BIGINT NOT NULL REFERENCES users (id),
  PRIMARY KEY (issuer, subject)
);

CREATE INDEX user_identities_user ON user_identities (user_id);
