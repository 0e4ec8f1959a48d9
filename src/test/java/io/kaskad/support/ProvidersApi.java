package io.kaskad.support;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** A company's provider connections through {@code /api/v1/providers}, and request bodies for them. */
public final class ProvidersApi {

    private final MockMvc mvc;
    private final String bearer;

    public ProvidersApi(MockMvc mvc, String bearer) {
        this.mvc = mvc;
        this.bearer = bearer;
    }

    public MvcResult create(String json) throws Exception {
        return mvc.perform(post("/api/v1/providers").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(json))
            .andReturn();
    }

    /** Creates and answers the new connection's id; fails the test when refused. */
    public long createOk(String json) throws Exception {
        MvcResult result = create(json);
        if (result.getResponse().getStatus() != 201) {
            throw new AssertionError("Connection refused: " + result.getResponse().getContentAsString());
        }
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
    }

    public MvcResult get(long id) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/providers/{id}", id)
            .header("Authorization", bearer)).andReturn();
    }

    public MvcResult list() throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/providers").header("Authorization", bearer)).andReturn();
    }

    public MvcResult update(long id, String json) throws Exception {
        return mvc.perform(put("/api/v1/providers/{id}", id).header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
            .content(json)).andReturn();
    }

    public MvcResult delete(long id) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/providers/{id}", id)
            .header("Authorization", bearer)).andReturn();
    }

    public MvcResult check(long id) throws Exception {
        return mvc.perform(post("/api/v1/providers/{id}/check", id).header("Authorization", bearer)).andReturn();
    }

    public Map<String, Object> checkResult(long id) throws Exception {
        return JsonPath.read(check(id).getResponse().getContentAsString(), "$");
    }

    /** An SMTP connection without login to a server on this machine. */
    public static String smtp(String name, int port, int priority) {
        return """
                {"name":"%s","channel":"email","type":"SMTP","priority":%d,
                 "settings":{"host":"127.0.0.1","port":%d,"security":"none","fromAddress":"noreply@shop.example","fromName":"Магазин",
                             "replyTo":"support@shop.example","timeoutSeconds":5}}""".formatted(name, priority, port);
    }

    /** An SMPP connection to an SMSC on this machine. */
    public static String smpp(String name, int port, String systemId, String password, int priority) {
        return """
                {"name":"%s","channel":"sms","type":"SMPP","priority":%d,
                 "settings":{"host":"127.0.0.1","port":%d,"systemId":"%s","sourceAddress":"Shop","timeoutSeconds":5},
                 "secrets":{"password":"%s"}}""".formatted(name, priority, port, systemId, password);
    }
}
