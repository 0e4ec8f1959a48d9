package io.kaskad.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.jayway.jsonpath.JsonPath;

import io.kaskad.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The API's documentation: every public endpoint in the OpenAPI document, readable without an account, with Swagger UI beside it. */
@IntegrationTest
class ApiDocsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiEndpointIsInTheDocument() throws Exception {
        String document = mvc.perform(get("/v3/api-docs"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.openapi").value(startsWith("3.1")))
            .andReturn().getResponse().getContentAsString();
        Map<String, Map<String, Object>> paths = JsonPath.read(document, "$.paths");
        List<String> missing = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType() == ApiFallbackController.class || handler.getBeanType() == ApiDocsController.class
                    || handler.getBeanType().getName().startsWith("org.springdoc")) {
                return; // the problem+json answer to unknown paths and the documentation itself are not operations
            }
            for (String path : patterns(info)) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods) {
                    Map<String, Object> operations = paths.get(path);
                    if (operations == null || !operations.containsKey(method.name().toLowerCase(Locale.ROOT))) {
                        missing.add(method + " " + path + " (" + handler.getBeanType().getSimpleName() + ")");
                    }
                }
            }
        });
        assertThat(missing).as("API endpoints missing from /v3/api-docs").isEmpty();
        assertThat(paths).containsKeys("/api/v1/messages", "/api/v1/providers", "/api/chats/v1/chats/{chatId}/sessions");
    }

    @Test
    void theDocumentSaysHowToAuthorizeWhatErrorsLookLikeAndShowsExampleRequests() throws Exception {
        mvc.perform(get("/v3/api-docs"))
            .andExpect(jsonPath("$.components.securitySchemes.apiKey.scheme").value("bearer"))
            .andExpect(jsonPath("$.security[0].apiKey").isArray())
            .andExpect(jsonPath("$.paths['/api/v1/messages'].post.responses['400'].content['application/problem+json'].schema['$ref']")
                .value("#/components/schemas/Problem"))
            .andExpect(jsonPath("$.components.schemas.Problem.properties.errors.type").value("array"))
            .andExpect(jsonPath("$.paths['/api/v1/messages'].post.requestBody.content['application/json'].examples['SMS, then Viber'].value")
                .exists())
            // the chat widget's start needs no key
            .andExpect(jsonPath("$.paths['/api/chats/v1/chats/{chatId}/sessions'].post.security").isEmpty());
    }

    @Test
    void everyOperationIsGroupedUnderATagNamedForTheUserAndNothingSpeaksOfSourceDocuments() throws Exception {
        String document = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> operationTags = JsonPath.read(document, "$.paths.*.*.tags[*]");
        assertThat(operationTags).isNotEmpty().noneMatch(tag -> tag.endsWith("-controller"));
        assertThat(new java.util.TreeSet<>(operationTags)).containsExactlyInAnyOrder("API-ключи", "Задания на отправку", "Компания",
                "Провайдеры", "Чат-сессии", "Сообщения", "Статистика", "Сценарии ботов", "Чаты", "Шаблоны");
        List<String> described = JsonPath.read(document, "$.tags[*].name");
        assertThat(described).containsAll(new java.util.TreeSet<>(operationTags));
        assertThat(document).doesNotContainIgnoringCase("seed");
    }

    @Test
    void swaggerUiIsServedFromItsWebjarWithoutSigningIn() throws Exception {
        String location = mvc.perform(get("/api/docs"))
            .andExpect(status().is3xxRedirection())
            .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).contains("/swagger-ui/index.html");
        mvc.perform(get("/swagger-ui/index.html"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("swagger-ui")));
        mvc.perform(get("/v3/api-docs/swagger-config"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.url").value("/v3/api-docs"));
    }

    private static Set<String> patterns(RequestMappingInfo info) {
        return info.getPathPatternsCondition() == null ? info.getPatternValues() : info.getPathPatternsCondition().getPatternValues();
    }
}
