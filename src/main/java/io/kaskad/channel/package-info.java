/**
 * Channels and their providers: the provider SPI ({@link io.kaskad.channel.ChannelAdapter}), one
 * adapter per channel/provider, the sandbox provider, and delivery reports coming back from providers.
 */
package io.kaskad.channel;
