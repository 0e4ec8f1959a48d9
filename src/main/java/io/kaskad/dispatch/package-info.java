/**
 * The Quartz jobs that drive delivery: recurring, cluster-wide, thin. Due times live in the
 * database and the jobs claim due rows in batches, so a million scheduled messages never mean a
 * million triggers, and every node of a cluster takes a share.
 */
package io.kaskad.dispatch;
