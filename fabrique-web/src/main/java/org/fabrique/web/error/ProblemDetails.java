package org.fabrique.web.error;

/**
 * An RFC 9457 problem, sent as {@code application/problem+json}.
 *
 * @param type a URI that names the kind of problem
 * @param title a short summary of the kind of problem
 * @param status the HTTP status
 * @param detail what went wrong this time, for users
 * @param instance the path of the request
 */
public record ProblemDetails(
    String type, String title, int status, String detail, String instance) {}
