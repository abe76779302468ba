package org.fabrique.core.user;

/**
 * Someone who works in Fabrique: a researcher or a coder. The login is a handle, not a real name.
 */
public record User(UserId id, String login, String displayName) {}
