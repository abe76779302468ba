package org.fabrique.web.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.user.ExternalIdentity;

/**
 * The relying party of OpenID Connect sign-in, on the Nimbus OAuth 2.0 / OpenID Connect SDK: it
 * finds the provider from its issuer (discovery, retried until it answers), builds the
 * authorization request (code flow, PKCE S256, state, nonce), and completes a sign-in: checks the
 * state, redeems the code and validates the ID token (signature against the provider's published
 * keys, issuer, audience, expiry, nonce). Nothing here is hand-written protocol: the SDK does it.
 */
final class OidcClient {
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  private static final int READ_TIMEOUT_MS = 10_000;
  private static final int JWKS_SIZE_LIMIT = 512 * 1024;

  private final Authentication.Oidc settings;
  private final Issuer issuer;
  private final ClientID clientId;
  private volatile Provider provider;

  /** The provider as discovery described it, and the validator of its ID tokens. */
  private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {}

  /** What a sign-in keeps between leaving for the provider and coming back. */
  record Pending(State state, Nonce nonce, CodeVerifier verifier, String back) {}

  /** Why a sign-in did not complete; {@link #reason} is what the user is told. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as the pages and the audit log name it. */
    enum Reason {
      /** The provider could not be reached, or answered nothing usable. */
      UNAVAILABLE,
      /** The answer does not belong to a sign-in this browser started (state), or came too late. */
      STATE,
      /** The user declined, or the provider refused them. */
      DENIED,
      /** The provider answered with an error. */
      PROVIDER_ERROR,
      /** The ID token failed validation (signature, issuer, audience, expiry or nonce). */
      TOKEN,
      /** Too many sign-ins are under way at once. */
      BUSY
    }

    final Reason reason;

    Failure(Reason reason, String message) {
      super(message);
      this.reason = reason;
    }

    Failure(Reason reason, String message, Throwable cause) {
      super(message, cause);
      this.reason = reason;
    }
  }

  OidcClient(Authentication.Oidc settings) {
    this.settings = settings;
    this.issuer = new Issuer(settings.issuer());
    this.clientId = new ClientID(settings.clientId());
  }

  /** Asks the provider for its metadata once, for a check at start. */
  void discover() throws Failure {
    provider();
  }

  /** A new sign-in: its secrets, and the address of the provider's sign-in page. */
  Map.Entry<Pending, URI> start(String back) throws Failure {
    OIDCProviderMetadata metadata = provider().metadata();
    Pending pending = new Pending(new State(), new Nonce(), new CodeVerifier(), back);
    AuthenticationRequest request =
        new AuthenticationRequest.Builder(
                ResponseType.CODE,
                new Scope("openid", "profile", "email"),
                clientId,
                settings.redirectUri())
            .endpointURI(metadata.getAuthorizationEndpointURI())
            .state(pending.state())
            .nonce(pending.nonce())
            .codeChallenge(pending.verifier(), CodeChallengeMethod.S256)
            .build();
    return Map.entry(pending, request.toURI());
  }

  /**
   * Completes a sign-in from the parameters the provider sent the browser back with: the identity
   * of the person, once every check has passed.
   */
  ExternalIdentity complete(Map<String, List<String>> parameters, Pending pending) throws Failure {
    AuthenticationResponse response;
    try {
      response = AuthenticationResponseParser.parse(settings.redirectUri(), parameters);
    } catch (ParseException e) {
      throw new Failure(Failure.Reason.STATE, "The sign-in answer could not be read", e);
    }
    if (response.getState() == null
        || !MessageDigest.isEqual(
            response.getState().getValue().getBytes(StandardCharsets.UTF_8),
            pending.state().getValue().getBytes(StandardCharsets.UTF_8))) {
      throw new Failure(Failure.Reason.STATE, "The state does not match this sign-in");
    }
    if (response.getIssuer() != null && !response.getIssuer().equals(issuer)) {
      throw new Failure(Failure.Reason.STATE, "The answer comes from another issuer");
    }
    if (response instanceof AuthenticationErrorResponse error) {
      ErrorObject object = error.getErrorObject();
      String code = object == null ? null : object.getCode();
      throw "access_denied".equals(code)
              || "login_required".equals(code)
              || "consent_required".equals(code)
          ? new Failure(Failure.Reason.DENIED, "The provider says: " + code)
          : new Failure(Failure.Reason.PROVIDER_ERROR, "The provider says: " + safe(code));
    }
    AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
    if (code == null) {
      throw new Failure(Failure.Reason.PROVIDER_ERROR, "The provider sent no code");
    }
    JWT idToken = redeem(code, pending.verifier());
    IDTokenClaimsSet claims;
    try {
      claims = provider().validator().validate(idToken, pending.nonce());
    } catch (BadJOSEException e) {
      throw new Failure(Failure.Reason.TOKEN, "The ID token is not valid: " + e.getMessage(), e);
    } catch (JOSEException e) {
      throw new Failure(Failure.Reason.UNAVAILABLE, "The provider's keys could not be read", e);
    }
    try {
      return new ExternalIdentity(
          claims.getIssuer().getValue(),
          claims.getSubject().getValue(),
          Optional.ofNullable(claims.getStringClaim("preferred_username")),
          Optional.ofNullable(claims.getStringClaim("email")),
          Optional.ofNullable(claims.getStringClaim("name")));
    } catch (IllegalArgumentException e) {
      throw new Failure(Failure.Reason.TOKEN, "The ID token names nobody usable", e);
    }
  }

  /** Exchanges the code (with the PKCE verifier) for tokens at the token endpoint. */
  private JWT redeem(AuthorizationCode code, CodeVerifier verifier) throws Failure {
    OIDCProviderMetadata metadata = provider().metadata();
    AuthorizationCodeGrant grant =
        new AuthorizationCodeGrant(code, settings.redirectUri(), verifier);
    TokenRequest.Builder builder =
        settings
            .clientSecret()
            .map(
                secret ->
                    new TokenRequest.Builder(
                        metadata.getTokenEndpointURI(), authentication(metadata, secret), grant))
            .orElseGet(
                () -> new TokenRequest.Builder(metadata.getTokenEndpointURI(), clientId, grant));
    HTTPRequest http = builder.build().toHTTPRequest();
    http.setConnectTimeout(CONNECT_TIMEOUT_MS);
    http.setReadTimeout(READ_TIMEOUT_MS);
    TokenResponse response;
    try {
      response = OIDCTokenResponseParser.parse(http.send());
    } catch (IOException e) {
      throw new Failure(Failure.Reason.UNAVAILABLE, "The token endpoint could not be reached", e);
    } catch (ParseException e) {
      throw new Failure(
          Failure.Reason.PROVIDER_ERROR, "The token endpoint's answer could not be read", e);
    }
    if (!response.indicatesSuccess()) {
      ErrorObject error = response.toErrorResponse().getErrorObject();
      throw new Failure(
          Failure.Reason.PROVIDER_ERROR,
          "The token endpoint says: " + safe(error == null ? null : error.getCode()));
    }
    if (!(response.toSuccessResponse() instanceof OIDCTokenResponse tokens)
        || tokens.getOIDCTokens().getIDToken() == null) {
      throw new Failure(Failure.Reason.PROVIDER_ERROR, "The token endpoint sent no ID token");
    }
    return tokens.getOIDCTokens().getIDToken();
  }

  /** HTTP Basic unless the provider takes the secret in the form only. */
  private ClientAuthentication authentication(OIDCProviderMetadata metadata, String secret) {
    List<ClientAuthenticationMethod> methods = metadata.getTokenEndpointAuthMethods();
    boolean postOnly =
        methods != null
            && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)
            && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
    return postOnly
        ? new ClientSecretPost(clientId, new Secret(secret))
        : new ClientSecretBasic(clientId, new Secret(secret));
  }

  /** The provider's metadata and token validator, asked for again until the provider answers. */
  private Provider provider() throws Failure {
    Provider known = provider;
    if (known != null) {
      return known;
    }
    synchronized (this) {
      if (provider == null) {
        provider = discoverNow();
      }
      return provider;
    }
  }

  private Provider discoverNow() throws Failure {
    OIDCProviderMetadata metadata;
    try {
      metadata = OIDCProviderMetadata.resolve(issuer, CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS);
    } catch (IOException e) {
      throw new Failure(Failure.Reason.UNAVAILABLE, "The provider could not be reached", e);
    } catch (GeneralException e) {
      throw new Failure(Failure.Reason.UNAVAILABLE, "The provider's metadata could not be used", e);
    }
    if (metadata.getAuthorizationEndpointURI() == null
        || metadata.getTokenEndpointURI() == null
        || metadata.getJWKSetURI() == null) {
      throw new Failure(
          Failure.Reason.UNAVAILABLE,
          "The provider's metadata names no authorization, token or key endpoint");
    }
    JWKSource<SecurityContext> keys;
    try {
      keys =
          JWKSourceBuilder.<SecurityContext>create(
                  metadata.getJWKSetURI().toURL(),
                  new DefaultResourceRetriever(
                      CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, JWKS_SIZE_LIMIT))
              .build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new Failure(Failure.Reason.UNAVAILABLE, "The provider's key address is not usable", e);
    }
    IDTokenValidator validator =
        new IDTokenValidator(
            issuer, clientId, new JWSVerificationKeySelector<>(algorithms(metadata), keys), null);
    return new Provider(metadata, validator);
  }

  /**
   * The signature algorithms the provider says it signs ID tokens with, among those verified with
   * its published keys (never {@code none}, never a shared secret); RS256 when it says none.
   */
  private static Set<JWSAlgorithm> algorithms(OIDCProviderMetadata metadata) {
    Set<JWSAlgorithm> accepted = new LinkedHashSet<>();
    Set<JWSAlgorithm> asymmetric = new LinkedHashSet<>(JWSAlgorithm.Family.SIGNATURE);
    if (metadata.getIDTokenJWSAlgs() != null) {
      metadata.getIDTokenJWSAlgs().stream().filter(asymmetric::contains).forEach(accepted::add);
    }
    if (accepted.isEmpty()) {
      accepted.add(JWSAlgorithm.RS256);
    }
    return accepted;
  }

  /** An error code as the provider sent it, kept to the characters error codes are made of. */
  private static String safe(String code) {
    if (code == null) {
      return "an error";
    }
    String kept = code.replaceAll("[^A-Za-z0-9_.-]", "");
    return kept.length() > 60 ? kept.substring(0, 60) : kept;
  }
}
