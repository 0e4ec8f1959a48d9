package io.kaskad.provider;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.kaskad.common.NetworkTargets;

/**
 * The private-network rule for provider hosts, checked on the resolved addresses right before a
 * connection is opened. On by default ({@code kaskad.providers.allow-private-networks=true}): mail servers
 * and SMS centres usually live on private networks; a public multi-tenant installation turns it off.
 */
@Component
public class ProviderNetwork {

    private final boolean allowPrivate;

    ProviderNetwork(@Value("${kaskad.providers.allow-private-networks:true}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Whether {@code host} may be connected to; throws when the name is not known. */
    public boolean allowed(String host) throws UnknownHostException {
        if (allowPrivate) {
            return true;
        }
        if (NetworkTargets.checkHost(host, false).isPresent()) {
            return false;
        }
        for (InetAddress address : InetAddress.getAllByName(host)) {
            if (NetworkTargets.isInternal(address)) {
                return false;
            }
        }
        return true;
    }
}
