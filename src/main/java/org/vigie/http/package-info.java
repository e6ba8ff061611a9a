/**
 * The HTTP edge every resource shares: RFC 9457 problems for every refusal, request validation, body size
 * limits, the reader's language and messages, and the OpenAPI definition. May use: {@code platform}.
 */
package org.vigie.http;
