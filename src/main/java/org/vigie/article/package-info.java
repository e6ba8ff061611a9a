/**
 * Articles: created on their first comment, configured by moderators, counted for listing pages.
 * May use: {@code webhook} (events), {@code rules} (article facts), {@code account}, {@code platform}.
 */
package org.vigie.article;
