/* Code-point positions in JavaScript strings. Fabrique's positions are Unicode code points; JS
   strings, like Java's, are UTF-16, so characters outside the Basic Multilingual Plane (emoji,
   some CJK) take two units. The server converts with PlainText; the page converts with these. */
"use strict";

window.FabriqueText = (function () {
  function isHigh(c) { return c >= 0xd800 && c <= 0xdbff; }
  function isLow(c) { return c >= 0xdc00 && c <= 0xdfff; }

  /** The number of code points of a string. */
  function cpLength(s) {
    let n = 0;
    for (let i = 0; i < s.length; i++, n++) {
      if (isHigh(s.charCodeAt(i)) && i + 1 < s.length && isLow(s.charCodeAt(i + 1))) i++;
    }
    return n;
  }

  /** The code-point position of a UTF-16 index; an index inside a pair moves back to its start. */
  function utf16ToCp(s, index) {
    let n = 0;
    for (let i = 0; i < index && i < s.length; i++, n++) {
      if (isHigh(s.charCodeAt(i)) && i + 1 < s.length && isLow(s.charCodeAt(i + 1))) {
        if (i + 1 >= index) return n;
        i++;
      }
    }
    return n;
  }

  /** The UTF-16 index of a code-point position (clamped to the string). */
  function cpToUtf16(s, cp) {
    let i = 0;
    for (let n = 0; n < cp && i < s.length; n++) {
      i += isHigh(s.charCodeAt(i)) && i + 1 < s.length && isLow(s.charCodeAt(i + 1)) ? 2 : 1;
    }
    return i;
  }

  /** A table of the UTF-16 index of every code-point position 0..cpLength(s), for long texts. */
  function indexTable(s) {
    const table = new Uint32Array(cpLength(s) + 1);
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      table[n++] = i;
      if (isHigh(s.charCodeAt(i)) && i + 1 < s.length && isLow(s.charCodeAt(i + 1))) i++;
    }
    table[n] = s.length;
    return table;
  }

  return { cpLength, utf16ToCp, cpToUtf16, indexTable };
})();
