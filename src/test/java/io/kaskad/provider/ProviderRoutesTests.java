package io.kaskad.provider;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.kaskad.channel.Channel;
import io.kaskad.channel.ChannelAdapter;
import io.kaskad.channel.ChannelAdapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Which routes an attempt has when the company connected nothing. */
class ProviderRoutesTests {

    private final ProviderStore store = mock(ProviderStore.class);
    private final ChannelAdapters builtIn = mock(ChannelAdapters.class);
    private final ProviderRoutes routes = new ProviderRoutes(store, mock(SecretBox.class), new ProviderClients(List.of()), builtIn,
            Clock.systemUTC());

    @Test
    void withoutAConnectionOrABuiltInAdapterThereIsNoRoute() {
        // the mysql profile: no sandbox, so the dispatcher fails the attempt NO_PROVIDER
        when(store.enabled(1, Channel.SMS)).thenReturn(List.of());
        when(builtIn.find(Channel.SMS)).thenReturn(Optional.empty());
        assertThat(routes.routes(1, Channel.SMS)).isEmpty();
    }

    @Test
    void withoutAConnectionTheBuiltInAdapterTakesIt() {
        ChannelAdapter sandbox = mock(ChannelAdapter.class);
        when(sandbox.provider()).thenReturn("SANDBOX");
        when(store.enabled(2, Channel.EMAIL)).thenReturn(List.of());
        when(builtIn.find(Channel.EMAIL)).thenReturn(Optional.of(sandbox));
        assertThat(routes.routes(2, Channel.EMAIL)).singleElement().satisfies(route -> {
            assertThat(route.provider()).isEqualTo("SANDBOX");
            assertThat(route.connectionId()).isNull();
        });
    }
}
