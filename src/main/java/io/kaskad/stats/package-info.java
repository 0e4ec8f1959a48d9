/**
 * Statistics: the messaging statistics API of seed 004 (and, later, chat sessions and dashboards),
 * reading other modules only through their public query services.
 */
package io.kaskad.stats;
