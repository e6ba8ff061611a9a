/**
 * What every package stands on: configuration, the one clock, domain errors and problems, keyset cursors,
 * client addresses and their keyed hashes, rate limits, typed rows, the embedded PostgreSQL and Main.
 * May use: nothing else of Vigie.
 */
package org.vigie.platform;
