/**
 * Text folding: case, accents, look-alike letters, leetspeak, zero-width characters and stretched letters,
 * keeping the way back to the characters as typed. May use: nothing else of Vigie.
 */
package org.vigie.rules.normalize;
