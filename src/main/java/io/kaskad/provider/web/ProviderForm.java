package io.kaskad.provider.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.kaskad.provider.ConnectionRequest;
import io.kaskad.provider.ProviderConnection;

/**
 * The portal's connection form: the common fields, and the type's settings and secrets as maps bound
 * from {@code settings[host]}, {@code secrets[password]}. A secret left blank keeps its stored value;
 * the "clear" box of a secret removes it.
 */
public class ProviderForm {

    private String name;
    private String type;
    private Integer priority = 100;
    private boolean enabled = true;
    private Integer sendRate;
    private Map<String, String> settings = new LinkedHashMap<>();
    private Map<String, String> secrets = new LinkedHashMap<>();
    private Map<String, Boolean> clearSecrets = new LinkedHashMap<>();

    static ProviderForm of(ProviderConnection connection) {
        ProviderForm form = new ProviderForm();
        form.name = connection.name();
        form.type = connection.type().name();
        form.priority = connection.priority();
        form.enabled = connection.enabled();
        form.sendRate = connection.sendRate();
        form.settings = new LinkedHashMap<>(connection.settings());
        return form;
    }

    /** The request the service takes: blank secrets are left out (kept), cleared ones sent empty. */
    ConnectionRequest toRequest() {
        Map<String, Object> givenSettings = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                givenSettings.put(key, value);
            }
        });
        Map<String, String> givenSecrets = new LinkedHashMap<>();
        secrets.forEach((key, value) -> {
            if (value != null && !value.isEmpty()) {
                givenSecrets.put(key, value);
            }
        });
        clearSecrets.forEach((key, clear) -> {
            if (Boolean.TRUE.equals(clear)) {
                givenSecrets.put(key, "");
            }
        });
        return new ConnectionRequest(name == null ? "" : name, null, type, priority, enabled, sendRate, givenSettings, givenSecrets);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Integer getSendRate() {
        return sendRate;
    }

    public void setSendRate(Integer sendRate) {
        this.sendRate = sendRate;
    }

    public Map<String, String> getSettings() {
        return settings;
    }

    public void setSettings(Map<String, String> settings) {
        this.settings = settings;
    }

    public Map<String, String> getSecrets() {
        return secrets;
    }

    public void setSecrets(Map<String, String> secrets) {
        this.secrets = secrets;
    }

    public Map<String, Boolean> getClearSecrets() {
        return clearSecrets;
    }

    public void setClearSecrets(Map<String, Boolean> clearSecrets) {
        this.clearSecrets = clearSecrets;
    }
}
