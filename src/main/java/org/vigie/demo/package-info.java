/**
 * Demo data for integrators' tests: an article with a realistic thread, loaded through the same services
 * as readers' posts and reports, so that the rules decide on it as on any other. May use: {@code comment},
 * {@code report}, {@code article}, {@code rules}, {@code platform}.
 */
package org.vigie.demo;
