package io.kaskad.account;

/** What an admin gives to open a company: the company's settings and its first client user. */
public record NewCompany(String name, String timezone, int sendRateLimit, String username, String password) {
}
