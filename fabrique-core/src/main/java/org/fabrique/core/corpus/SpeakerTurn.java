package org.fabrique.core.corpus;

import java.util.Optional;

/**
 * A turn of speech in an interview transcript: the span {@code [start, end)} in code points of the
 * plain text, the speaker as written in the transcript and the timestamp if one was given.
 */
public record SpeakerTurn(int start, int end, String speaker, Optional<String> timestamp) {}
