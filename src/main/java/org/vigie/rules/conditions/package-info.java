/**
 * One class per kind of condition a rule can test: text lists, regexes, links, capitals, repeats, history and
 * facts. May use: the rest of {@code rules}.
 */
package org.vigie.rules.conditions;
