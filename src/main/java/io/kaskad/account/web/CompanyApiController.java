package io.kaskad.account.web;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.kaskad.account.ApiClient;
import io.kaskad.account.Company;
import io.kaskad.account.CompanyService;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The calling company's own settings: {@code GET/PUT /api/v1/company}. */
@Tag(name = "Компания", description = "Настройки вызывающей компании: часовой пояс, ограничение скорости, e-mail для уведомлений")
@RestController
@RequestMapping("/api/v1/company")
class CompanyApiController {

    private final CompanyService companies;

    CompanyApiController(CompanyService companies) {
        this.companies = companies;
    }

    @GetMapping
    CompanyResponse get(@AuthenticationPrincipal ApiClient client) {
        return CompanyResponse.of(companies.get(client.companyId()));
    }

    @PutMapping
    CompanyResponse update(@AuthenticationPrincipal ApiClient client, @Valid @RequestBody CompanySettingsForm settings) {
        return CompanyResponse.of(companies.updateSettings(client.companyId(), settings.timezone(), settings.sendRateLimit(),
                settings.notificationEmail()));
    }

    record CompanyResponse(long id, String name, String timezone, int sendRateLimit, String notificationEmail) {

        static CompanyResponse of(Company company) {
            return new CompanyResponse(company.id(), company.name(), company.timezone(), company.sendRateLimit(),
                    company.notificationEmail());
        }
    }
}
