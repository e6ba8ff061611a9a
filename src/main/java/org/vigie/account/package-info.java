/**
 * Moderator accounts and roles, the first admin of a new installation, and the throttle on failed logins.
 * May use: {@code platform}.
 */
package org.vigie.account;
