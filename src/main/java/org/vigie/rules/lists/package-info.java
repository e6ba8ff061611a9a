/**
 * Word and domain lists, found in folded text with Aho-Corasick, and the links of a text. May use:
 * {@code rules.normalize}.
 */
package org.vigie.rules.lists;
