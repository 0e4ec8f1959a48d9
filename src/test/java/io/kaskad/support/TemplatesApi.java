package io.kaskad.support;

import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.kaskad.support.TestAccounts.TestCompany;
import io.kaskad.template.TemplateService;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A company's templates created over the API, left as drafts or approved by a moderator. */
public final class TemplatesApi {

    private final MockMvc mvc;
    private final TemplateService templates;

    public TemplatesApi(MockMvc mvc, TemplateService templates) {
        this.mvc = mvc;
        this.templates = templates;
    }

    /** A draft template; answers its id. */
    public String draft(TestCompany company, String json) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/v1/templates").header("Authorization", company.bearer())
            .contentType("application/json").content(json)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
                "$.id");
    }

    /** A template submitted to moderation; answers its id. */
    public String submitted(TestCompany company, String json) throws Exception {
        String id = draft(company, json);
        mvc.perform(post("/api/v1/templates/{id}/submit", id).header("Authorization", company.bearer())).andExpect(status().isOk());
        return id;
    }

    /** A template submitted and approved; answers its id. */
    public String approved(TestCompany company, String json) throws Exception {
        String id = draft(company, json);
        mvc.perform(post("/api/v1/templates/{id}/submit", id).header("Authorization", company.bearer())).andExpect(status().isOk());
        templates.approve(id, "moderator");
        return id;
    }
}
