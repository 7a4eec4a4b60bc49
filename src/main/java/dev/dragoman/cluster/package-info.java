/**
 * What the Dragoman processes of a group share through a store ({@code dragoman.cluster.store}): the API keys' call
 * slots, so that the group together keeps each key within its concurrency, and the keys' states, so that a key one
 * process found rejected, resting or out of quota is left alone by all of them, and only one of them probes a
 * rejected key again.
 */
package dev.dragoman.cluster;
