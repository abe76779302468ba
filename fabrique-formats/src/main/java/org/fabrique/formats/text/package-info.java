/**
 * Text extraction for the corpus: {@link org.fabrique.formats.text.TikaTextExtractor} implements
 * {@link org.fabrique.core.corpus.TextExtractor} with Apache Tika, within the {@link
 * org.fabrique.formats.text.ExtractionLimits} it is given.
 */
package org.fabrique.formats.text;
