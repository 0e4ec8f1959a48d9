package io.kaskad.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import static org.awaitility.Awaitility.await;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The send-task API as a client system uses it. */
public final class TasksApi {

    private final MockMvc mvc;
    private final String bearer;

    public TasksApi(MockMvc mvc, String bearer) {
        this.mvc = mvc;
        this.bearer = bearer;
    }

    public ResultActions upload(String type, String fileName, byte[] content) throws Exception {
        return upload(type, fileName, content, Instant.now().minusSeconds(60).toString(), Instant.now().plus(Duration.ofDays(1)).toString());
    }

    public ResultActions upload(String type, String fileName, byte[] content, String periodFrom, String periodTo) throws Exception {
        var request = multipart("/api/v1/tasks").file(new MockMultipartFile("file", fileName, MediaType.APPLICATION_OCTET_STREAM_VALUE, content))
            .param("name", "Задание " + TestAccounts.unique())
            .header("Authorization", bearer);
        if (type != null) {
            request.param("type", type);
        }
        if (periodFrom != null) {
            request.param("periodFrom", periodFrom);
        }
        if (periodTo != null) {
            request.param("periodTo", periodTo);
        }
        return mvc.perform(request);
    }

    /** Uploads a file that must be accepted; answers the task's id. */
    public String create(String type, String fileName, byte[] content) throws Exception {
        return JsonPath.read(upload(type, fileName, content).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
                "$.id");
    }

    public Map<String, Object> get(String taskId) throws Exception {
        return JsonPath.read(mvc.perform(MockMvcRequestBuilders.get("/api/v1/tasks/{id}", taskId).header("Authorization", bearer))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$");
    }

    public ResultActions act(String taskId, String action) throws Exception {
        return mvc.perform(post("/api/v1/tasks/{id}/{action}", taskId, action).header("Authorization", bearer));
    }

    public String text(String path, Object... vars) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path, vars).header("Authorization", bearer)).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    public Map<String, Object> awaitStatus(String taskId, String taskStatus) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> get(taskId), task -> taskStatus.equals(task.get("status")));
    }

    public static int sent(Map<String, Object> task) {
        return JsonPath.read(task, "$.progress.sent");
    }
}
