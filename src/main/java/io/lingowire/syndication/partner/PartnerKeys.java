package io.lingowire.syndication.partner;

import io.lingowire.security.KeyOwners;
import io.lingowire.security.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.Set;

/** Partner API keys ({@code lwp_…}) for the security layer: a live key's owner is its partner, in role partner. */
@ApplicationScoped
class PartnerKeys implements KeyOwners {

    private final PartnerService partners;
    private final PartnerDirectory directory;

    PartnerKeys(PartnerService partners, PartnerDirectory directory) {
        this.partners = partners;
        this.directory = directory;
    }

    @Override
    public boolean claims(String key) {
        return key.startsWith(PartnerService.KEY_PREFIX);
    }

    @Override
    public Optional<KeyOwner> known(String key) {
        return directory.known(key).map(PartnerKeys::owner);
    }

    @Override
    public Optional<KeyOwner> resolve(String key) {
        return partners.resolve(key).map(PartnerKeys::owner);
    }

    private static KeyOwner owner(Partner partner) {
        return new KeyOwner(partner.id, Set.of(Role.PARTNER), partner);
    }
}
