package io.kaskad.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.jayway.jsonpath.JsonPath;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The send API as a client system uses it: send JSON, read messages back, wait for a status. */
public final class MessagesApi {

    private final MockMvc mvc;
    private final String bearer;

    public MessagesApi(MockMvc mvc, String bearer) {
        this.mvc = mvc;
        this.bearer = bearer;
    }

    /** Sends and answers the parsed array of results. */
    public List<Map<String, Object>> send(String json) throws Exception {
        String body = mvc.perform(post("/api/v1/messages").header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON).content(json))
            .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$");
    }

    public String sendOne(String json) throws Exception {
        return (String) send(json).get(0).get("id");
    }

    public Map<String, Object> get(String id) throws Exception {
        return JsonPath.read(mvc.perform(MockMvcRequestBuilders.get("/api/v1/messages/{id}", id).header("Authorization", bearer))
            .andReturn().getResponse().getContentAsString(), "$");
    }

    /** Waits (up to 20 s) until the message has {@code status}, and answers it. */
    public Map<String, Object> awaitStatus(String id, String status) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
            .until(() -> get(id), message -> status.equals(message.get("status")));
    }

    /** The attempts' "CHANNEL:STATUS" in cascade order. */
    @SuppressWarnings("unchecked")
    public static List<String> attempts(Map<String, Object> message) {
        return ((List<Map<String, Object>>) message.get("attempts")).stream()
            .map(attempt -> attempt.get("channel") + ":" + attempt.get("status"))
            .toList();
    }

    /** The {@code error.code} of each result, null where the destination was accepted. */
    public static List<String> errorCodes(List<Map<String, Object>> results) {
        return results.stream().map(result -> {
            Object error = result.get("error");
            return error == null ? null : (String) ((Map<?, ?>) error).get("code");
        }).toList();
    }

    /** One message with the given channels JSON and destination JSON. */
    public static String message(String channels, String destination) {
        return message(channels, destination, "");
    }

    public static String message(String channels, String destination, String extra) {
        return "{\"messages\":[{\"channels\":" + channels + ",\"destinations\":[" + destination + "]" + extra + "}]}";
    }
}
