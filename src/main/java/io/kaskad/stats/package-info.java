/**
 * Statistics: the messaging and chat-session statistics APIs of seed 004,
 * reading other modules only through their public query services.
 */
package io.kaskad.stats;
