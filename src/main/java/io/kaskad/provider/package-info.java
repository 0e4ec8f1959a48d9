/**
 * A company's own provider connections (its SMTP server, its SMS centre over SMPP, …): stored with
 * their secrets encrypted, checked by a real round trip, and turned into the ordered routes the
 * dispatcher tries for an attempt ({@link io.kaskad.provider.ProviderRoutes}). Without a connection a
 * channel falls back to the installation's built-in adapter (the sandbox in the embedded mode, Kaskad's
 * own chats), or the attempt fails {@code NO_PROVIDER}.
 */
package io.kaskad.provider;
